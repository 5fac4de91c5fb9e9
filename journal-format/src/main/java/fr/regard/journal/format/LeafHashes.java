package fr.regard.journal.format;

/**
 * The ordered leaf hashes (RFC 9162 §2.1.1, {@code SHA-256(0x00 || entry)}) that a {@link MerkleTree} is built
 * over. A server can back it by a database table, an auditor by a file.
 *
 * <p>Implementations must be append-only: once a leaf exists at an index its hash never changes, because
 * {@link MerkleTree} remembers the hashes of complete subtrees.
 */
public interface LeafHashes {

    /** Number of leaves currently available. */
    long size();

    /**
     * The 32-byte leaf hash at {@code index}, for {@code 0 <= index < size()}. Callers may keep the returned array:
     * implementations must not reuse it.
     */
    byte[] leafHash(long index);
}
