package fr.regard.journal.format;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.security.DigestException;
import java.security.MessageDigest;
import java.util.Arrays;

/**
 * Consecutive positions of a parallel audit (docs/journal-format.md, "Audit", threads): the auditing thread fills
 * the inputs (slices of the bundle's read buffers, or copies of a cursor's arrays), one thread computes everything
 * that does not depend on other positions (stored hash decoded from hex, recomputed leaf hash and its comparison,
 * canonical check with seq and times, and, when the batch is a whole aligned subtree, its root and the right edges
 * at the sizes of interest inside it), and the auditing thread then reads the results in order and makes the
 * findings exactly as {@link EntryStream} does for one position at a time. Reused from batch to batch.
 */
final class EntryBatch extends AuditWorkers.Task {

    private static final int HASH = MerkleHash.LENGTH;
    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final byte[] ZEROS = new byte[HASH];

    final int capacity;
    /** log2(capacity): the height of the subtree of a whole aligned batch. */
    final int height;
    /** The ascending tree sizes whose roots the audit keeps (shared, read-only). */
    private final long[] sizes;

    /** Running number, for the recycling of read buffers. */
    long number;
    /** Tree size before the first position. */
    long start;
    int count;
    /** Positions fully computed: all of them, unless the computation failed at that position. */
    int computed;
    /**
     * Whole batch starting at a multiple of its capacity, no odd position: its subtree is computed here (for a batch of
     * hash lines only, unless one of them is unreadable).
     */
    boolean aligned;
    /** Only hash lines: the entries of these positions are in {@link EntryChunk}s. */
    boolean hashesOnly;

    // inputs: the buffers holding the lines, each stored once (a reference store per position would cost a garbage
    // collector barrier each), and per position the index of its buffer (-1: no line), offset and length
    private final byte[][] entryBuffers;
    private int entryBufferCount;
    final int[] entryBuffer;
    final int[] entryOffsets;
    final int[] entryLengths;
    private final byte[][] hashBuffers;
    private int hashBufferCount;
    final int[] hashBuffer;
    final int[] hashOffsets;
    final int[] hashLengths;
    /** Positions left to the auditing thread (arrays broken or of unusual length from a cursor), with their copies. */
    final boolean[] odd;
    final byte[][] oddEntries;
    final byte[][] oddStored;
    boolean anyOdd;
    /** Copies of a cursor's entries. */
    private byte[] arena = new byte[1 << 16];
    private int arenaLength;

    // results
    final byte[] stored;
    final boolean[] storedValid;
    final byte[] leaves;
    final boolean[] leafMatches;
    final boolean[] canonical;
    final long[] seqs;
    final long[] recordedAt;
    final long[] sequencedAt;
    final byte[] subtreeRoot = new byte[HASH];
    /** Right edges at the sizes of interest strictly inside an aligned batch: local size, first hash, hash count. */
    private int captures;
    private int[] captureSizes = new int[4];
    private int[] captureOffsets = new int[4];
    private int[] captureCounts = new int[4];
    private byte[] edges = new byte[4 * 8 * HASH];
    private int edgesLength;
    private int captureRead;

    EntryBatch(int capacity, long[] sizes) {
        if (Integer.bitCount(capacity) != 1) {
            throw new IllegalArgumentException("the batch size is a power of two");
        }
        this.capacity = capacity;
        this.height = Integer.numberOfTrailingZeros(capacity);
        this.sizes = sizes;
        entryBuffers = new byte[capacity][];
        entryBuffer = new int[capacity];
        entryOffsets = new int[capacity];
        entryLengths = new int[capacity];
        hashBuffers = new byte[capacity][];
        hashBuffer = new int[capacity];
        hashOffsets = new int[capacity];
        hashLengths = new int[capacity];
        odd = new boolean[capacity];
        oddEntries = new byte[capacity][];
        oddStored = new byte[capacity][];
        stored = new byte[capacity * HASH];
        storedValid = new boolean[capacity];
        leaves = new byte[capacity * HASH];
        leafMatches = new boolean[capacity];
        canonical = new boolean[capacity];
        seqs = new long[capacity];
        recordedAt = new long[capacity];
        sequencedAt = new long[capacity];
    }

    /** Empties the batch for positions from tree size {@code start}. */
    void clear(long number, long start, boolean hashesOnly) {
        reset();
        this.number = number;
        this.start = start;
        this.hashesOnly = hashesOnly;
        Arrays.fill(entryBuffers, 0, entryBufferCount, null);
        Arrays.fill(hashBuffers, 0, hashBufferCount, null);
        entryBufferCount = 0;
        hashBufferCount = 0;
        Arrays.fill(storedValid, 0, count, false);
        if (anyOdd) {
            Arrays.fill(odd, false);
            Arrays.fill(oddEntries, null);
            Arrays.fill(oddStored, null);
            anyOdd = false;
        }
        count = 0;
        computed = 0;
        aligned = false;
        arenaLength = 0;
        captures = 0;
        edgesLength = 0;
        captureRead = 0;
    }

    /** Adds a position of a bundle: slices of the read buffers (kept, not copied), null when the file has no line. */
    void addLines(byte[] entry, int entryOffset, int entryLength, byte[] hashLine, int hashOffset, int hashLength) {
        int i = count++;
        entryBuffer[i] = entry == null ? -1 : entryBufferIndex(entry);
        entryOffsets[i] = entryOffset;
        entryLengths[i] = entryLength;
        hashBuffer[i] = hashLine == null ? -1 : hashBufferIndex(hashLine);
        hashOffsets[i] = hashOffset;
        hashLengths[i] = hashLength;
    }

    private int entryBufferIndex(byte[] buffer) {
        if (entryBufferCount == 0 || entryBuffers[entryBufferCount - 1] != buffer) {
            entryBuffers[entryBufferCount++] = buffer;
        }
        return entryBufferCount - 1;
    }

    private int hashBufferIndex(byte[] buffer) {
        if (hashBufferCount == 0 || hashBuffers[hashBufferCount - 1] != buffer) {
            hashBuffers[hashBufferCount++] = buffer;
        }
        return hashBufferCount - 1;
    }

    /** Adds a position of a cursor, copying what the cursor may reuse. */
    void addCopy(byte[] entry, int entryOffset, int entryLength, byte[] storedHash) {
        int i = count++;
        entryBuffer[i] = -1;
        hashBuffer[i] = -1;
        if (entry != null) {
            if (entryOffset < 0 || entryLength < 0 || entryLength > entry.length - entryOffset) {
                markOdd(i);
                oddEntries[i] = entry.clone();
                entryOffsets[i] = entryOffset;
                entryLengths[i] = entryLength;
            } else {
                if (arena.length - arenaLength < entryLength) {
                    arena = Arrays.copyOf(arena, Math.max(arena.length * 2, arenaLength + entryLength));
                }
                System.arraycopy(entry, entryOffset, arena, arenaLength, entryLength);
                entryBuffer[i] = entryBufferIndex(arena);
                entryOffsets[i] = arenaLength;
                entryLengths[i] = entryLength;
                arenaLength += entryLength;
            }
        }
        if (storedHash != null) {
            if (storedHash.length == HASH) {
                System.arraycopy(storedHash, 0, stored, i * HASH, HASH);
                storedValid[i] = true;
            } else {
                markOdd(i);
                oddStored[i] = storedHash.clone();
            }
        }
    }

    private void markOdd(int i) {
        odd[i] = true;
        anyOdd = true;
    }

    /** The array holding the entry of position {@code i} (outside odd positions), or null if it has none. */
    byte[] entry(int i) {
        int buffer = entryBuffer[i];
        return buffer < 0 ? null : entryBuffers[buffer];
    }

    /** Once filled: decides whether the worker computes the subtree. */
    void seal() {
        aligned = count == capacity && (start & (capacity - 1)) == 0 && !anyOdd;
    }

    @Override
    void compute(AuditWorkers.Scratch scratch) {
        scratch.hasher.process(this);
    }

    /** The right edge recorded for local size {@code size} (called in ascending order), or -1 if none. */
    int captureFor(int size) {
        if (captureRead < captures && captureSizes[captureRead] == size) {
            return captureRead++;
        }
        return -1;
    }

    byte[] edges() {
        return edges;
    }

    int captureOffset(int capture) {
        return captureOffsets[capture];
    }

    int captureCount(int capture) {
        return captureCounts[capture];
    }

    private void addCapture(int localSize, TreeAccumulator subtree) {
        int needed = edgesLength + subtree.edgeLength() * HASH;
        if (needed > edges.length) {
            edges = Arrays.copyOf(edges, Math.max(edges.length * 2, needed));
        }
        if (captures == captureSizes.length) {
            captureSizes = Arrays.copyOf(captureSizes, captures * 2);
            captureOffsets = Arrays.copyOf(captureOffsets, captures * 2);
            captureCounts = Arrays.copyOf(captureCounts, captures * 2);
        }
        captureSizes[captures] = localSize;
        captureOffsets[captures] = edgesLength;
        captureCounts[captures] = subtree.copyEdge(edges, edgesLength);
        edgesLength = needed;
        captures++;
    }

    /** Whether the 32 bytes at {@code a[at]} and {@code b[bt]} are equal. */
    static boolean sameHash(byte[] a, int at, byte[] b, int bt) {
        return (long) LONGS.get(a, at) == (long) LONGS.get(b, bt)
                && (long) LONGS.get(a, at + 8) == (long) LONGS.get(b, bt + 8)
                && (long) LONGS.get(a, at + 16) == (long) LONGS.get(b, bt + 16)
                && (long) LONGS.get(a, at + 24) == (long) LONGS.get(b, bt + 24);
    }

    /** The per-thread tools of the computation. */
    static final class Hasher {
        private final MessageDigest sha256 = TreeAccumulator.newDigest();
        private final EntryScanner scanner = new EntryScanner();
        private final TreeAccumulator subtree = new TreeAccumulator(CompactRange.EMPTY);

        /** Splits a chunk into lines and computes each; the chunk's count grows as lines are done. */
        void split(EntryChunk chunk) {
            byte[] bytes = chunk.buffer;
            int to = chunk.to;
            EntryScanner s = scanner;
            int n = 0;
            for (int start = chunk.from; start < to; n++) {
                chunk.ensure(n);
                int end = s.scanLine(bytes, start, to);
                boolean canonical = end >= 0;
                if (!canonical) {
                    end = LineReader.indexOfNewline(bytes, start, to);
                    if (end < 0) {
                        end = to;
                    }
                    canonical = s.scan(bytes, start, end - start);
                }
                if (start > chunk.from) {
                    // SHA-256(0x00 || line) in one update: the byte before the line is the newline ending the previous
                    // line of this chunk, which only this thread reads until the chunk is done; put it back at once
                    bytes[start - 1] = EntryStream.LEAF_PREFIX;
                    sha256.update(bytes, start - 1, end - start + 1);
                    bytes[start - 1] = '\n';
                } else {
                    sha256.update(EntryStream.LEAF_PREFIX);
                    sha256.update(bytes, start, end - start);
                }
                try {
                    sha256.digest(chunk.leaves, n * HASH, HASH);
                } catch (DigestException e) {
                    throw new IllegalStateException(e);
                }
                chunk.offsets[n] = start;
                chunk.lengths[n] = end - start;
                chunk.canonical[n] = canonical;
                if (canonical) {
                    chunk.seqs[n] = s.seq;
                    chunk.recordedAt[n] = s.recordedAtMicros;
                    chunk.sequencedAt[n] = s.sequencedAtMicros;
                }
                chunk.count = n + 1;
                start = end + 1;
            }
        }

        void process(EntryBatch batch) {
            int count = batch.count;
            boolean aligned = batch.aligned;
            long[] sizes = batch.sizes;
            int nextSize = 0;
            if (aligned) {
                subtree.clear();
                nextSize = firstAbove(sizes, batch.start);
            }
            byte[] stored = batch.stored;
            byte[] leaves = batch.leaves;
            for (int i = 0; i < count; i++) {
                batch.computed = i;
                if (batch.odd[i]) {
                    continue;
                }
                int at = i * HASH;
                int hashBuffer = batch.hashBuffer[i];
                if (hashBuffer >= 0) {
                    batch.storedValid[i] = JournalBundleReader.decodeHex(batch.hashBuffers[hashBuffer],
                            batch.hashOffsets[i], batch.hashLengths[i], stored, at);
                }
                byte[] entry = batch.entry(i);
                if (entry != null) {
                    int offset = batch.entryOffsets[i];
                    int length = batch.entryLengths[i];
                    sha256.update(EntryStream.LEAF_PREFIX);
                    sha256.update(entry, offset, length);
                    try {
                        sha256.digest(leaves, at, HASH);
                    } catch (DigestException e) {
                        throw new IllegalStateException(e);
                    }
                    EntryScanner s = scanner;
                    if (s.scan(entry, offset, length)) {
                        batch.canonical[i] = true;
                        batch.seqs[i] = s.seq;
                        batch.recordedAt[i] = s.recordedAtMicros;
                        batch.sequencedAt[i] = s.sequencedAtMicros;
                    } else {
                        batch.canonical[i] = false;
                    }
                    batch.leafMatches[i] = batch.storedValid[i] && sameHash(leaves, at, stored, at);
                }
                if (aligned) {
                    if (batch.storedValid[i]) {
                        subtree.append(stored, at);
                    } else if (batch.hashesOnly) {
                        // this position's tree input may be its entry's leaf hash, in the other stream
                        aligned = false;
                        batch.aligned = false;
                        continue;
                    } else if (entry != null) {
                        subtree.append(leaves, at);
                    } else {
                        subtree.append(ZEROS, 0);
                    }
                    int local = i + 1;
                    if (nextSize < sizes.length && sizes[nextSize] == batch.start + local) {
                        if (local < count) {
                            batch.addCapture(local, subtree);
                        }
                        nextSize++;
                    }
                }
            }
            if (aligned) {
                subtree.copyEdge(batch.subtreeRoot, 0);
            }
            batch.computed = count;
        }

        /** Index of the first size strictly above {@code size}. */
        private static int firstAbove(long[] sizes, long size) {
            int low = 0;
            int high = sizes.length;
            while (low < high) {
                int mid = (low + high) >>> 1;
                if (sizes[mid] <= size) {
                    low = mid + 1;
                } else {
                    high = mid;
                }
            }
            return low;
        }
    }
}
