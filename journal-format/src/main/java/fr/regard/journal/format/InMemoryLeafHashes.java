package fr.regard.journal.format;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * An append-only, thread-safe, in-memory {@link LeafHashes} (RFC 9162 §2.1.1 leaf hashes) kept in one flat array
 * of 32 bytes per leaf, so about 32 MB for a million leaves. It holds at most {@link #MAX_LEAVES} leaves.
 */
public final class InMemoryLeafHashes implements LeafHashes {

    /** Largest number of leaves one instance can hold. */
    public static final int MAX_LEAVES = (Integer.MAX_VALUE - 8) / MerkleHash.LENGTH;

    private byte[] hashes = new byte[16 * MerkleHash.LENGTH];
    private int count;

    /** An empty list of leaf hashes. */
    public InMemoryLeafHashes() {
    }

    /** The leaf hashes of the given entries, in order. */
    public static InMemoryLeafHashes ofEntries(List<byte[]> entries) {
        InMemoryLeafHashes leaves = new InMemoryLeafHashes();
        for (byte[] entry : entries) {
            leaves.appendEntry(entry);
        }
        return leaves;
    }

    /** Appends the leaf hash of {@code entry} and returns its index. */
    public long appendEntry(byte[] entry) {
        return append(MerkleHash.leaf(entry));
    }

    /** Appends an already computed 32-byte leaf hash and returns its index. */
    public synchronized long append(byte[] leafHash) {
        MerkleHash.requireHash(leafHash, "leafHash");
        if (count == MAX_LEAVES) {
            throw new IllegalStateException("an in-memory list holds at most " + MAX_LEAVES + " leaves");
        }
        int offset = count * MerkleHash.LENGTH;
        if (offset == hashes.length) {
            int capacity = (int) Math.min((long) hashes.length * 2, (long) MAX_LEAVES * MerkleHash.LENGTH);
            hashes = Arrays.copyOf(hashes, capacity);
        }
        System.arraycopy(leafHash, 0, hashes, offset, MerkleHash.LENGTH);
        return count++;
    }

    @Override
    public synchronized long size() {
        return count;
    }

    @Override
    public synchronized byte[] leafHash(long index) {
        Objects.checkIndex(index, count);
        int offset = (int) index * MerkleHash.LENGTH;
        return Arrays.copyOfRange(hashes, offset, offset + MerkleHash.LENGTH);
    }
}
