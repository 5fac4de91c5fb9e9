package fr.regard.journal.format;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * The compact range [0, size) of a Merkle tree per RFC 9162 §2.1.1: the hashes of the complete subtrees along its
 * right edge, one per set bit of {@code size}, largest (leftmost) first. It is all a log needs to append leaves
 * and compute the new Merkle Tree Hash in O(log n) per leaf, without re-reading earlier leaves.
 *
 * <p>Immutable: {@link #append} returns a new range. Persist {@link #size()} and {@link #hashes()} to resume with
 * {@link #of}, or rebuild with {@link MerkleTree#compactRange(long)}.
 */
public final class CompactRange {

    /** The range of the empty tree. */
    public static final CompactRange EMPTY = new CompactRange(0, new byte[0][]);

    private final long size;
    private final byte[][] hashes;

    private CompactRange(long size, byte[][] hashes) {
        this.size = size;
        this.hashes = hashes;
    }

    /**
     * The range of a tree of {@code size} leaves from its complete-subtree hashes, largest first; there must be
     * exactly {@code Long.bitCount(size)} of them.
     */
    public static CompactRange of(long size, List<byte[]> hashes) {
        Objects.requireNonNull(hashes, "hashes");
        if (size < 0) {
            throw new IllegalArgumentException("size must not be negative: " + size);
        }
        if (hashes.size() != Long.bitCount(size)) {
            throw new IllegalArgumentException("a compact range of size " + size + " has " + Long.bitCount(size)
                    + " hashes, not " + hashes.size());
        }
        byte[][] copies = new byte[hashes.size()][];
        for (int i = 0; i < copies.length; i++) {
            copies[i] = MerkleHash.requireHash(hashes.get(i), "subtree hash " + i).clone();
        }
        return new CompactRange(size, copies);
    }

    /** Number of leaves covered. */
    public long size() {
        return size;
    }

    /** Copies of the complete-subtree hashes, largest subtree first. */
    public List<byte[]> hashes() {
        List<byte[]> copies = new ArrayList<>(hashes.length);
        for (byte[] hash : hashes) {
            copies.add(hash.clone());
        }
        return List.copyOf(copies);
    }

    /** The range with one more leaf, given by its 32-byte leaf hash. */
    public CompactRange append(byte[] leafHash) {
        return appendAll(List.of(leafHash));
    }

    /** The range with the given leaf hashes appended in order. */
    public CompactRange appendAll(List<byte[]> leafHashes) {
        Objects.requireNonNull(leafHashes, "leafHashes");
        if (size > Long.MAX_VALUE - leafHashes.size()) {
            throw new IllegalArgumentException("a tree cannot exceed " + Long.MAX_VALUE + " leaves");
        }
        byte[][] stack = Arrays.copyOf(hashes, 64);
        int top = hashes.length;
        long count = size;
        for (byte[] leafHash : leafHashes) {
            stack[top++] = MerkleHash.requireHash(leafHash, "leafHash").clone();
            count++;
            // Each trailing zero bit of the new size is a pair of equal-sized subtrees to merge.
            for (long merges = Long.numberOfTrailingZeros(count); merges > 0; merges--) {
                byte[] right = stack[--top];
                byte[] left = stack[--top];
                stack[top++] = MerkleHash.node(left, right);
            }
        }
        return new CompactRange(count, Arrays.copyOf(stack, top));
    }

    /** The Merkle Tree Hash of the covered tree (RFC 9162 §2.1.1): subtrees folded from the right. */
    public byte[] rootHash() {
        if (hashes.length == 0) {
            return MerkleHash.emptyTree();
        }
        byte[] root = hashes[hashes.length - 1];
        for (int i = hashes.length - 2; i >= 0; i--) {
            root = MerkleHash.node(hashes[i], root);
        }
        return root.clone();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof CompactRange that && size == that.size && Arrays.deepEquals(hashes, that.hashes);
    }

    @Override
    public int hashCode() {
        return Long.hashCode(size) * 31 + Arrays.deepHashCode(hashes);
    }

    @Override
    public String toString() {
        return "CompactRange[size=" + size + ", subtrees=" + hashes.length + "]";
    }
}
