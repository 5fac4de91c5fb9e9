package fr.regard.journal.format;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * Exhaustive checks for every 0 <= m <= n <= 64: the tree, the compact range and a naive transcription of the
 * RFC 9162 §2.1.1 definition agree on every root; every generated proof verifies; flipping any bit of any proof
 * hash, of the leaf or of a root makes verification fail.
 */
class MerkleTreeSelfConsistencyTest {

    private static final int MAX = 64;

    private final List<byte[]> leafHashes = leafHashes(MAX);
    private final InMemoryLeafHashes source = new InMemoryLeafHashes();
    private final MerkleTree tree = new MerkleTree(source);

    MerkleTreeSelfConsistencyTest() {
        leafHashes.forEach(source::append);
    }

    @Test
    void the_tree_the_compact_range_and_the_rfc_definition_agree_on_every_root() {
        CompactRange range = CompactRange.EMPTY;
        for (int n = 0; n <= MAX; n++) {
            byte[] expected = naiveRoot(leafHashes.subList(0, n));
            assertThat(tree.rootHash(n)).as("tree root of size %d", n).isEqualTo(expected);
            assertThat(range.rootHash()).as("compact range root of size %d", n).isEqualTo(expected);
            assertThat(tree.compactRange(n)).as("compact range of size %d rebuilt from the tree", n).isEqualTo(range);
            if (n < MAX) {
                range = range.append(leafHashes.get(n));
            }
        }
    }

    @Test
    void every_inclusion_proof_verifies_and_any_flipped_bit_fails() {
        for (int n = 1; n <= MAX; n++) {
            byte[] root = tree.rootHash(n);
            for (int m = 0; m < n; m++) {
                InclusionProof proof = tree.inclusionProof(m, n);
                byte[] leaf = leafHashes.get(m);
                List<byte[]> path = proof.path();
                assertThat(proof.verify(leaf, root)).as("leaf %d of %d", m, n).isTrue();
                assertThat(path).hasSize(expectedPathLength(m, n));

                for (int bit = 0; bit < 256; bit += 37) {
                    assertThat(MerkleTree.verifyInclusion(flip(leaf, bit), m, n, path, root))
                            .as("leaf %d of %d, leaf bit %d", m, n, bit).isFalse();
                    assertThat(MerkleTree.verifyInclusion(leaf, m, n, path, flip(root, bit)))
                            .as("leaf %d of %d, root bit %d", m, n, bit).isFalse();
                }
                for (int i = 0; i < path.size(); i++) {
                    for (int bit = i % 8; bit < 256; bit += 29) {
                        List<byte[]> corrupted = new ArrayList<>(path);
                        corrupted.set(i, flip(path.get(i), bit));
                        assertThat(MerkleTree.verifyInclusion(leaf, m, n, corrupted, root))
                                .as("leaf %d of %d, proof[%d] bit %d", m, n, i, bit).isFalse();
                    }
                }
                if (n > 1) {
                    long otherIndex = (m + 1) % n;
                    assertThat(MerkleTree.verifyInclusion(leaf, otherIndex, n, path, root))
                            .as("leaf %d of %d claimed at %d", m, n, otherIndex).isFalse();
                }
            }
        }
    }

    @Test
    void every_consistency_proof_verifies_and_any_flipped_bit_fails() {
        for (int n = 0; n <= MAX; n++) {
            byte[] root2 = tree.rootHash(n);
            for (int m = 0; m <= n; m++) {
                byte[] root1 = tree.rootHash(m);
                ConsistencyProof proof = tree.consistencyProof(m, n);
                List<byte[]> hashes = proof.hashes();
                assertThat(proof.verify(root1, root2)).as("%d to %d", m, n).isTrue();

                for (int bit = 0; bit < 256; bit += 41) {
                    assertThat(MerkleTree.verifyConsistency(m, n, flip(root1, bit), root2, hashes))
                            .as("%d to %d, root1 bit %d", m, n, bit).isFalse();
                    if (m > 0 || n == 0) { // the empty tree is a prefix of every tree, whatever its root
                        assertThat(MerkleTree.verifyConsistency(m, n, root1, flip(root2, bit), hashes))
                                .as("%d to %d, root2 bit %d", m, n, bit).isFalse();
                    }
                }
                for (int i = 0; i < hashes.size(); i++) {
                    for (int bit = i % 8; bit < 256; bit += 31) {
                        List<byte[]> corrupted = new ArrayList<>(hashes);
                        corrupted.set(i, flip(hashes.get(i), bit));
                        assertThat(MerkleTree.verifyConsistency(m, n, root1, root2, corrupted))
                                .as("%d to %d, proof[%d] bit %d", m, n, i, bit).isFalse();
                    }
                }
                if (0 < m && m < n) {
                    assertThat(MerkleTree.verifyConsistency(m, n, root1, root2, List.of()))
                            .as("%d to %d without proof", m, n).isFalse();
                }
            }
        }
    }

    @Test
    void a_consistency_proof_does_not_link_a_tree_to_a_forked_extension() {
        InMemoryLeafHashes fork = new InMemoryLeafHashes();
        leafHashes.subList(0, 20).forEach(fork::append);
        fork.appendEntry("forged".getBytes());
        leafHashes.subList(21, 40).forEach(fork::append);
        MerkleTree forked = new MerkleTree(fork);

        ConsistencyProof proof = forked.consistencyProof(30, 40);
        assertThat(proof.verify(forked.rootHash(30), forked.rootHash(40))).isTrue();
        assertThat(proof.verify(tree.rootHash(30), forked.rootHash(40))).isFalse();
        assertThat(tree.consistencyProof(30, 40).verify(tree.rootHash(30), forked.rootHash(40))).isFalse();
    }

    @Test
    void proofs_and_ranges_reject_impossible_shapes() {
        assertThatThrownBy(() -> tree.inclusionProof(3, 3)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> tree.inclusionProof(0, MAX + 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> tree.consistencyProof(5, 4)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> tree.rootHash(-1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new InclusionProof(0, 8, List.of(new byte[32])))
                .as("an eight-leaf path has three hashes").isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new InclusionProof(0, 2, List.of(new byte[31])))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ConsistencyProof(3, 3, List.of(new byte[32])))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> CompactRange.of(3, List.of(new byte[32])))
                .as("size 3 has two complete subtrees").isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void proof_value_objects_are_immutable_and_compare_by_content() {
        InclusionProof proof = tree.inclusionProof(5, 13);
        proof.path().get(0)[0] ^= 1;
        assertThat(proof.verify(leafHashes.get(5), tree.rootHash(13))).isTrue();
        assertThat(proof).isEqualTo(tree.inclusionProof(5, 13)).hasSameHashCodeAs(tree.inclusionProof(5, 13));
        assertThat(tree.consistencyProof(5, 13)).isEqualTo(new ConsistencyProof(5, 13, tree.consistencyProof(5, 13).hashes()));
    }

    /** RFC 9162 §2.1.1, written as literally as possible. */
    static byte[] naiveRoot(List<byte[]> leaves) {
        if (leaves.isEmpty()) {
            return MerkleHash.emptyTree();
        }
        if (leaves.size() == 1) {
            return leaves.get(0);
        }
        int k = 1;
        while (k * 2 < leaves.size()) {
            k *= 2;
        }
        return MerkleHash.node(naiveRoot(leaves.subList(0, k)), naiveRoot(leaves.subList(k, leaves.size())));
    }

    /** Length of PATH(m, D[n]) of RFC 9162 §2.1.3.1 by its recursive definition. */
    static int expectedPathLength(long m, long n) {
        if (n <= 1) {
            return 0;
        }
        long k = 1;
        while (k * 2 < n) {
            k *= 2;
        }
        return 1 + (m < k ? expectedPathLength(m, k) : expectedPathLength(m - k, n - k));
    }

    static List<byte[]> leafHashes(int count) {
        List<byte[]> result = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            result.add(MerkleHash.leaf(ByteBuffer.allocate(12).putInt(0x6a6f7572).putLong(i).array()));
        }
        return result;
    }

    static byte[] flip(byte[] hash, int bit) {
        byte[] copy = hash.clone();
        copy[bit / 8] ^= (byte) (1 << (bit % 8));
        return copy;
    }
}
