package fr.regard.journal.format;

import java.security.DigestException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.List;

/**
 * The right edge of an RFC 9162 §2.1.1 Merkle tree, like {@link CompactRange} but mutable and allocation-free on
 * {@link #append}, for the verifier's single pass over a million leaves: a fixed stack of 64 hashes and one
 * reused {@link MessageDigest}. Not thread-safe.
 */
final class TreeAccumulator {

    private static final byte NODE_PREFIX = 0x01;

    private final byte[][] stack = new byte[64][MerkleHash.LENGTH];
    private final MessageDigest sha256;
    /** 0x01 || left || right, hashed in one call. */
    private final byte[] node = new byte[1 + 2 * MerkleHash.LENGTH];
    private int top;
    private long size;

    TreeAccumulator(CompactRange start) {
        sha256 = newDigest();
        node[0] = NODE_PREFIX;
        List<byte[]> hashes = start.hashes();
        for (byte[] hash : hashes) {
            System.arraycopy(hash, 0, stack[top++], 0, MerkleHash.LENGTH);
        }
        size = start.size();
    }

    /** Appends a 32-byte leaf hash (copied). */
    void append(byte[] leafHash) {
        System.arraycopy(leafHash, 0, stack[top++], 0, MerkleHash.LENGTH);
        size++;
        for (int merges = Long.numberOfTrailingZeros(size); merges > 0; merges--) {
            merge();
        }
    }

    /** Appends 32 bytes of {@code leafHashes} at {@code offset} (copied). */
    void append(byte[] leafHashes, int offset) {
        System.arraycopy(leafHashes, offset, stack[top++], 0, MerkleHash.LENGTH);
        size++;
        for (int merges = Long.numberOfTrailingZeros(size); merges > 0; merges--) {
            merge();
        }
    }

    /**
     * Appends the root of a perfect subtree of {@code 2^height} leaves (copied), as {@code 2^height} calls to
     * {@link #append} would; the size must be a multiple of {@code 2^height}.
     */
    void appendSubtree(byte[] root, int height) {
        if ((size & ((1L << height) - 1)) != 0) {
            throw new IllegalStateException("a subtree of 2^" + height + " leaves must start at a multiple of its size");
        }
        System.arraycopy(root, 0, stack[top++], 0, MerkleHash.LENGTH);
        size += 1L << height;
        for (int merges = Long.numberOfTrailingZeros(size) - height; merges > 0; merges--) {
            merge();
        }
    }

    private void merge() {
        byte[] right = stack[--top];
        byte[] left = stack[top - 1];
        System.arraycopy(left, 0, node, 1, MerkleHash.LENGTH);
        System.arraycopy(right, 0, node, 1 + MerkleHash.LENGTH, MerkleHash.LENGTH);
        sha256.update(node);
        digestInto(left);
    }

    /** Back to the empty tree. */
    void clear() {
        top = 0;
        size = 0;
    }

    /** Copies the right edge (largest subtree first, 32 bytes each) to {@code into} at {@code offset}; returns how many. */
    int copyEdge(byte[] into, int offset) {
        for (int i = 0; i < top; i++) {
            System.arraycopy(stack[i], 0, into, offset + i * MerkleHash.LENGTH, MerkleHash.LENGTH);
        }
        return top;
    }

    /** Number of hashes on the right edge. */
    int edgeLength() {
        return top;
    }

    long size() {
        return size;
    }

    /** The Merkle Tree Hash of the leaves so far (a new array). */
    byte[] rootHash() {
        if (top == 0) {
            return MerkleHash.emptyTree();
        }
        byte[] root = stack[top - 1].clone();
        for (int i = top - 2; i >= 0; i--) {
            sha256.update(NODE_PREFIX);
            sha256.update(stack[i]);
            sha256.update(root);
            digestInto(root);
        }
        return root;
    }

    /**
     * The Merkle Tree Hash of these leaves followed by a smaller tree given by its right edge ({@code count} hashes of
     * 32 bytes at {@code offset}, largest subtree first, as {@link #copyEdge} writes it), i.e. the root this
     * accumulator would have after appending that tree's leaves, when its size is a multiple of the tree's first
     * subtree size times two. A new array.
     */
    byte[] rootHashWith(byte[] edge, int offset, int count) {
        if (count == 0) {
            return rootHash();
        }
        byte[] root = Arrays.copyOfRange(edge, offset + (count - 1) * MerkleHash.LENGTH, offset + count * MerkleHash.LENGTH);
        for (int i = count - 2; i >= 0; i--) {
            sha256.update(NODE_PREFIX);
            sha256.update(edge, offset + i * MerkleHash.LENGTH, MerkleHash.LENGTH);
            sha256.update(root);
            digestInto(root);
        }
        for (int i = top - 1; i >= 0; i--) {
            sha256.update(NODE_PREFIX);
            sha256.update(stack[i]);
            sha256.update(root);
            digestInto(root);
        }
        return root;
    }

    private void digestInto(byte[] target) {
        try {
            sha256.digest(target, 0, MerkleHash.LENGTH);
        } catch (DigestException e) {
            throw new IllegalStateException(e);
        }
    }

    static MessageDigest newDigest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK must provide SHA-256", e);
        }
    }
}
