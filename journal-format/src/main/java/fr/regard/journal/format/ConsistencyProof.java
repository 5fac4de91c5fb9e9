package fr.regard.journal.format;

import java.util.List;

/**
 * A consistency proof of RFC 9162 §2.1.4 between the tree of {@code size1} leaves and the tree of {@code size2}
 * leaves that extends it. Immutable; the constructor checks that the proof has exactly the length RFC 9162
 * §2.1.4.1 gives for those sizes (none when {@code size1} is 0 or equals {@code size2}).
 */
public final class ConsistencyProof {

    private final long size1;
    private final long size2;
    private final ProofHashes hashes;

    /** A proof for {@code 0 <= size1 <= size2} made of 32-byte hashes. */
    public ConsistencyProof(long size1, long size2, List<byte[]> hashes) {
        if (size1 < 0 || size1 > size2) {
            throw new IllegalArgumentException("sizes must satisfy 0 <= size1 <= size2, got " + size1 + " and " + size2);
        }
        this.size1 = size1;
        this.size2 = size2;
        this.hashes = new ProofHashes(hashes);
        int expected = MerkleTree.consistencyProofLength(size1, size2);
        if (this.hashes.size() != expected) {
            throw new IllegalArgumentException("a consistency proof from " + size1 + " to " + size2
                    + " has " + expected + " hashes, not " + this.hashes.size());
        }
    }

    public long size1() {
        return size1;
    }

    public long size2() {
        return size2;
    }

    /** Copies of the proof hashes, in RFC order. */
    public List<byte[]> hashes() {
        return hashes.copies();
    }

    /** Whether the tree with root {@code root2} extends the tree with root {@code root1}. */
    public boolean verify(byte[] root1, byte[] root2) {
        return MerkleTree.verifyConsistency(size1, size2, root1, root2, hashes.shared());
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ConsistencyProof that
                && size1 == that.size1 && size2 == that.size2 && hashes.equals(that.hashes);
    }

    @Override
    public int hashCode() {
        return (Long.hashCode(size1) * 31 + Long.hashCode(size2)) * 31 + hashes.hashCode();
    }

    @Override
    public String toString() {
        return "ConsistencyProof[size1=" + size1 + ", size2=" + size2 + ", hashes=" + hashes + "]";
    }
}
