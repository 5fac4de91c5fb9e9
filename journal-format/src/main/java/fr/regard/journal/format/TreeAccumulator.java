package fr.regard.journal.format;

import java.security.DigestException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
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
            byte[] right = stack[--top];
            byte[] left = stack[top - 1];
            System.arraycopy(left, 0, node, 1, MerkleHash.LENGTH);
            System.arraycopy(right, 0, node, 1 + MerkleHash.LENGTH, MerkleHash.LENGTH);
            sha256.update(node);
            digestInto(left);
        }
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
