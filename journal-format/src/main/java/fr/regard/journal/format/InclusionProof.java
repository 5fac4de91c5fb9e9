package fr.regard.journal.format;

import java.util.List;

/**
 * An inclusion proof (audit path) of RFC 9162 §2.1.3: the hashes from the sibling of leaf {@code leafIndex} up to
 * the root of the tree of {@code treeSize} leaves. Immutable; the constructor checks that the path has exactly the
 * length RFC 9162 §2.1.3.1 gives for that index and size.
 */
public final class InclusionProof {

    private final long leafIndex;
    private final long treeSize;
    private final ProofHashes path;

    /** A proof for {@code 0 <= leafIndex < treeSize} made of 32-byte hashes, leaf side first. */
    public InclusionProof(long leafIndex, long treeSize, List<byte[]> path) {
        if (leafIndex < 0 || leafIndex >= treeSize) {
            throw new IllegalArgumentException("leaf index " + leafIndex + " is not in a tree of size " + treeSize);
        }
        this.leafIndex = leafIndex;
        this.treeSize = treeSize;
        this.path = new ProofHashes(path);
        int expected = MerkleTree.inclusionPathLength(leafIndex, treeSize);
        if (this.path.size() != expected) {
            throw new IllegalArgumentException("an inclusion proof for leaf " + leafIndex + " of " + treeSize
                    + " has " + expected + " hashes, not " + this.path.size());
        }
    }

    public long leafIndex() {
        return leafIndex;
    }

    public long treeSize() {
        return treeSize;
    }

    /** Copies of the path hashes, leaf side first. */
    public List<byte[]> path() {
        return path.copies();
    }

    /** Whether this proof shows that {@code leafHash} is leaf {@code leafIndex} of the tree with {@code rootHash}. */
    public boolean verify(byte[] leafHash, byte[] rootHash) {
        return MerkleTree.verifyInclusion(leafHash, leafIndex, treeSize, path.shared(), rootHash);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof InclusionProof that
                && leafIndex == that.leafIndex && treeSize == that.treeSize && path.equals(that.path);
    }

    @Override
    public int hashCode() {
        return (Long.hashCode(leafIndex) * 31 + Long.hashCode(treeSize)) * 31 + path.hashCode();
    }

    @Override
    public String toString() {
        return "InclusionProof[leafIndex=" + leafIndex + ", treeSize=" + treeSize + ", path=" + path + "]";
    }
}
