package fr.regard.journal.format;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Objects;

/**
 * The SHA-256 hashing of RFC 9162 §2.1.1 (identical to RFC 6962 §2.1): the leaf hash is
 * {@code SHA-256(0x00 || entry)}, an interior node hash is {@code SHA-256(0x01 || left || right)} and the
 * Merkle Tree Hash of the empty tree is {@code SHA-256()}. The two prefixes keep leaves and nodes apart
 * (second-preimage resistance).
 */
public final class MerkleHash {

    /** Length in bytes of every hash handled by this package. */
    public static final int LENGTH = 32;

    private static final byte LEAF_PREFIX = 0x00;
    private static final byte NODE_PREFIX = 0x01;
    private static final byte[] EMPTY_TREE = newDigest().digest();
    private static final ThreadLocal<MessageDigest> SHA256 = ThreadLocal.withInitial(MerkleHash::newDigest);

    private MerkleHash() {
    }

    /** Leaf hash of an entry: {@code SHA-256(0x00 || entry)}. */
    public static byte[] leaf(byte[] entry) {
        Objects.requireNonNull(entry, "entry");
        MessageDigest digest = SHA256.get();
        digest.update(LEAF_PREFIX);
        digest.update(entry);
        return digest.digest();
    }

    /** Interior node hash: {@code SHA-256(0x01 || left || right)}; both children must be 32-byte hashes. */
    public static byte[] node(byte[] left, byte[] right) {
        requireHash(left, "left");
        requireHash(right, "right");
        MessageDigest digest = SHA256.get();
        digest.update(NODE_PREFIX);
        digest.update(left);
        digest.update(right);
        return digest.digest();
    }

    /** Merkle Tree Hash of the empty tree, {@code SHA-256()} (e3b0c442…b855). */
    public static byte[] emptyTree() {
        return EMPTY_TREE.clone();
    }

    /** Whether the array has the length of a hash (a null array is not a hash). */
    public static boolean isHash(byte[] candidate) {
        return candidate != null && candidate.length == LENGTH;
    }

    /** Constant-time comparison of two hashes. */
    static boolean same(byte[] a, byte[] b) {
        return MessageDigest.isEqual(a, b);
    }

    static byte[] requireHash(byte[] candidate, String what) {
        Objects.requireNonNull(candidate, what);
        if (candidate.length != LENGTH) {
            throw new IllegalArgumentException(what + " must be a " + LENGTH + "-byte hash, got " + candidate.length + " bytes");
        }
        return candidate;
    }

    static byte[] sha256(byte[]... parts) {
        MessageDigest digest = SHA256.get();
        for (byte[] part : parts) {
            digest.update(part);
        }
        return digest.digest();
    }

    private static MessageDigest newDigest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK must provide SHA-256", e);
        }
    }
}
