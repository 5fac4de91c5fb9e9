package fr.regard.journal.format;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The Merkle hash tree of RFC 9162 §2.1 (RFC 6962 §2.1) over a {@link LeafHashes} source: the Merkle Tree Hash
 * of §2.1.1, inclusion proofs (audit paths) of §2.1.3.1, consistency proofs of §2.1.4.1, and the verification
 * algorithms of §2.1.3.2 and §2.1.4.2 as static functions that need no tree.
 *
 * <p>Trees of any size up to the source's current size can be queried, so a proof can be produced for the tree
 * size of any earlier checkpoint. The hashes of complete subtrees of 2<sup>10</sup> leaves or more are remembered
 * (about one per 512 leaves), so after a first pass each root or proof costs O(1024·log n) leaf reads and hashes.
 * This relies on the source being append-only. Instances are thread-safe if the source is.
 */
public final class MerkleTree {

    private static final int REMEMBERED_MIN_LEVEL = 10;

    private final LeafHashes leaves;
    private final ConcurrentHashMap<SubtreeId, byte[]> completeSubtrees = new ConcurrentHashMap<>();

    /** A tree over the given append-only leaf hashes. */
    public MerkleTree(LeafHashes leaves) {
        this.leaves = Objects.requireNonNull(leaves, "leaves");
    }

    /** Current number of leaves of the source. */
    public long size() {
        return leaves.size();
    }

    /** Merkle Tree Hash of the whole current tree. */
    public byte[] rootHash() {
        return rootHash(size());
    }

    /** Merkle Tree Hash MTH(D[0:treeSize]) (RFC 9162 §2.1.1); the empty tree hashes to {@code SHA-256()}. */
    public byte[] rootHash(long treeSize) {
        requireTreeSize(treeSize);
        return treeSize == 0 ? MerkleHash.emptyTree() : subtreeHash(0, treeSize).clone();
    }

    /** Audit path PATH(leafIndex, D[0:treeSize]) of RFC 9162 §2.1.3.1, from the leaf's sibling up to the root. */
    public InclusionProof inclusionProof(long leafIndex, long treeSize) {
        requireTreeSize(treeSize);
        if (leafIndex < 0 || leafIndex >= treeSize) {
            throw new IllegalArgumentException("leaf index " + leafIndex + " is not in a tree of size " + treeSize);
        }
        List<byte[]> path = new ArrayList<>();
        appendPath(leafIndex, 0, treeSize, path);
        return new InclusionProof(leafIndex, treeSize, path);
    }

    /**
     * Consistency proof PROOF(size1, D[0:size2]) of RFC 9162 §2.1.4.1; empty when {@code size1} is 0 or equals
     * {@code size2}.
     */
    public ConsistencyProof consistencyProof(long size1, long size2) {
        requireTreeSize(size2);
        if (size1 < 0 || size1 > size2) {
            throw new IllegalArgumentException("sizes must satisfy 0 <= size1 <= size2, got " + size1 + " and " + size2);
        }
        List<byte[]> proof = new ArrayList<>();
        if (size1 > 0 && size1 < size2) {
            appendSubproof(size1, 0, size2, true, proof);
        }
        return new ConsistencyProof(size1, size2, proof);
    }

    /** The compact range (right edge of complete subtrees) of the first {@code treeSize} leaves, to go on appending. */
    public CompactRange compactRange(long treeSize) {
        requireTreeSize(treeSize);
        List<byte[]> hashes = new ArrayList<>();
        long start = 0;
        for (int level = 63; level >= 0; level--) {
            long width = 1L << level;
            if ((treeSize & width) != 0) {
                hashes.add(subtreeHash(start, width));
                start += width;
            }
        }
        return CompactRange.of(treeSize, hashes);
    }

    /**
     * Verifies an inclusion proof with the algorithm of RFC 9162 §2.1.3.2. Returns false, never throws, for any
     * malformed input (index out of range, hashes not 32 bytes long, proof too short or too long).
     */
    public static boolean verifyInclusion(byte[] leafHash, long leafIndex, long treeSize, List<byte[]> proof,
            byte[] rootHash) {
        if (!MerkleHash.isHash(leafHash) || !MerkleHash.isHash(rootHash) || !allHashes(proof)
                || leafIndex < 0 || leafIndex >= treeSize) {
            return false;
        }
        long fn = leafIndex;
        long sn = treeSize - 1;
        byte[] r = leafHash;
        for (byte[] p : proof) {
            if (sn == 0) {
                return false;
            }
            if ((fn & 1) == 1 || fn == sn) {
                r = MerkleHash.node(p, r);
                while ((fn & 1) == 0 && fn != 0) {
                    fn >>>= 1;
                    sn >>>= 1;
                }
            } else {
                r = MerkleHash.node(r, p);
            }
            fn >>>= 1;
            sn >>>= 1;
        }
        return sn == 0 && MerkleHash.same(r, rootHash);
    }

    /**
     * Verifies a consistency proof with the algorithm of RFC 9162 §2.1.4.2, which covers {@code 0 < size1 < size2}.
     * Equal sizes need an empty proof and equal roots; size1 = 0 needs an empty proof and root1 = {@code SHA-256()}.
     * Returns false, never throws, for any malformed input.
     */
    public static boolean verifyConsistency(long size1, long size2, byte[] root1, byte[] root2, List<byte[]> proof) {
        if (size1 < 0 || size2 < size1 || !MerkleHash.isHash(root1) || !MerkleHash.isHash(root2) || !allHashes(proof)) {
            return false;
        }
        if (size1 == size2) {
            return proof.isEmpty() && MerkleHash.same(root1, root2);
        }
        if (size1 == 0) {
            return proof.isEmpty() && MerkleHash.same(root1, MerkleHash.emptyTree());
        }
        if (proof.isEmpty()) {
            return false;
        }
        List<byte[]> path = new ArrayList<>(proof.size() + 1);
        if (Long.bitCount(size1) == 1) {
            path.add(root1);
        }
        path.addAll(proof);
        long fn = size1 - 1;
        long sn = size2 - 1;
        while ((fn & 1) == 1) {
            fn >>>= 1;
            sn >>>= 1;
        }
        byte[] fr = path.get(0);
        byte[] sr = path.get(0);
        for (byte[] c : path.subList(1, path.size())) {
            if (sn == 0) {
                return false;
            }
            if ((fn & 1) == 1 || fn == sn) {
                fr = MerkleHash.node(c, fr);
                sr = MerkleHash.node(c, sr);
                while ((fn & 1) == 0 && fn != 0) {
                    fn >>>= 1;
                    sn >>>= 1;
                }
            } else {
                sr = MerkleHash.node(sr, c);
            }
            fn >>>= 1;
            sn >>>= 1;
        }
        return sn == 0 && MerkleHash.same(fr, root1) && MerkleHash.same(sr, root2);
    }

    /** Number of hashes in PATH(leafIndex, D[0:treeSize]), for 0 <= leafIndex < treeSize. */
    static int inclusionPathLength(long leafIndex, long treeSize) {
        int length = 0;
        long m = leafIndex;
        long n = treeSize;
        while (n > 1) {
            long k = splitPoint(n);
            if (m < k) {
                n = k;
            } else {
                m -= k;
                n -= k;
            }
            length++;
        }
        return length;
    }

    /** Number of hashes in PROOF(size1, D[0:size2]), for 0 <= size1 <= size2. */
    static int consistencyProofLength(long size1, long size2) {
        if (size1 == 0 || size1 == size2) {
            return 0;
        }
        int length = 0;
        long m = size1;
        long n = size2;
        boolean complete = true;
        while (m != n) {
            long k = splitPoint(n);
            if (m <= k) {
                n = k;
            } else {
                m -= k;
                n -= k;
                complete = false;
            }
            length++;
        }
        return complete ? length : length + 1;
    }

    private void appendPath(long m, long start, long n, List<byte[]> path) {
        if (n <= 1) {
            return;
        }
        long k = splitPoint(n);
        if (m < k) {
            appendPath(m, start, k, path);
            path.add(subtreeHash(start + k, n - k));
        } else {
            appendPath(m - k, start + k, n - k, path);
            path.add(subtreeHash(start, k));
        }
    }

    private void appendSubproof(long m, long start, long n, boolean complete, List<byte[]> proof) {
        if (m == n) {
            if (!complete) {
                proof.add(subtreeHash(start, n));
            }
            return;
        }
        long k = splitPoint(n);
        if (m <= k) {
            appendSubproof(m, start, k, complete, proof);
            proof.add(subtreeHash(start + k, n - k));
        } else {
            appendSubproof(m - k, start + k, n - k, false, proof);
            proof.add(subtreeHash(start, k));
        }
    }

    /** MTH(D[start:start+n]) for n >= 1. The returned array may be shared: callers must not modify it. */
    private byte[] subtreeHash(long start, long n) {
        if (n == 1) {
            return MerkleHash.requireHash(leaves.leafHash(start), "leaf hash " + start);
        }
        boolean complete = Long.bitCount(n) == 1;
        int level = Long.numberOfTrailingZeros(n);
        if (complete && level >= REMEMBERED_MIN_LEVEL) {
            // Complete subtrees in the RFC decomposition always start at a multiple of their width.
            SubtreeId id = new SubtreeId(level, start >>> level);
            byte[] known = completeSubtrees.get(id);
            if (known != null) {
                return known;
            }
            byte[] computed = combine(start, n);
            byte[] raced = completeSubtrees.putIfAbsent(id, computed);
            return raced != null ? raced : computed;
        }
        return combine(start, n);
    }

    private byte[] combine(long start, long n) {
        long k = splitPoint(n);
        return MerkleHash.node(subtreeHash(start, k), subtreeHash(start + k, n - k));
    }

    /** The largest power of two smaller than n, for n >= 2 (the "k" of RFC 9162 §2.1.1). */
    private static long splitPoint(long n) {
        return Long.highestOneBit(n - 1);
    }

    private void requireTreeSize(long treeSize) {
        long available = leaves.size();
        if (treeSize < 0 || treeSize > available) {
            throw new IllegalArgumentException("tree size " + treeSize + " is not within 0.." + available);
        }
    }

    private static boolean allHashes(List<byte[]> proof) {
        if (proof == null) {
            return false;
        }
        for (byte[] hash : proof) {
            if (!MerkleHash.isHash(hash)) {
                return false;
            }
        }
        return true;
    }

    private record SubtreeId(int level, long index) {
    }
}
