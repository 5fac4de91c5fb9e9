package fr.regard.journal.format;

import java.util.Arrays;

/**
 * A run of whole lines of {@code entries.jsonl} in a parallel audit of a bundle (docs/journal-format.md, "Audit",
 * threads), as {@link LineReader#nextChunk()} returns it: one thread splits it into lines and computes, for each, the
 * recomputed leaf hash and the canonical check with its seq and times, finding the end of a canonical line and
 * checking it in the same pass ({@link EntryScanner#scanLine}); the auditing thread then pairs the lines with the
 * stored hashes, position by position. Reused from chunk to chunk.
 */
final class EntryChunk extends AuditWorkers.Task {

    private static final int HASH = MerkleHash.LENGTH;

    /** Running number, for the recycling of read buffers. */
    long number;
    byte[] buffer;
    int from;
    int to;
    /** Lines fully computed: all of them, unless the computation failed on the next one. */
    int count;

    int[] offsets = new int[256];
    int[] lengths = new int[256];
    byte[] leaves = new byte[256 * HASH];
    boolean[] canonical = new boolean[256];
    long[] seqs = new long[256];
    long[] recordedAt = new long[256];
    long[] sequencedAt = new long[256];

    /** Ready to compute the lines of {@code buffer[from .. to)}. */
    void set(long number, byte[] buffer, int from, int to) {
        reset();
        this.number = number;
        this.buffer = buffer;
        this.from = from;
        this.to = to;
        this.count = 0;
    }

    @Override
    void compute(AuditWorkers.Scratch scratch) {
        scratch.hasher.split(this);
    }

    /** Room for line {@code n}. */
    void ensure(int n) {
        if (n < offsets.length) {
            return;
        }
        int capacity = Math.max(n + 1, offsets.length * 2);
        offsets = Arrays.copyOf(offsets, capacity);
        lengths = Arrays.copyOf(lengths, capacity);
        leaves = Arrays.copyOf(leaves, capacity * HASH);
        canonical = Arrays.copyOf(canonical, capacity);
        seqs = Arrays.copyOf(seqs, capacity);
        recordedAt = Arrays.copyOf(recordedAt, capacity);
        sequencedAt = Arrays.copyOf(sequencedAt, capacity);
    }
}
