package fr.regard.journal.format;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The RFC 6962 reference vectors: eight leaves and their roots, inclusion and consistency proofs, as published in
 * github.com/transparency-dev/merkle (proof/verify_test.go), which took them from certificate-transparency.
 * Leaf numbers in that file are 1-based; here they are turned into 0-based indices.
 */
class MerkleTreeReferenceVectorsTest {

    private static final HexFormat HEX = HexFormat.of();

    private static final List<byte[]> ENTRIES = hexes("", "00", "10", "2021", "3031", "40414243",
            "5051525354555657", "606162636465666768696a6b6c6d6e6f");

    /** Root of the tree of the first i + 1 entries. */
    private static final List<byte[]> ROOTS = hexes(
            "6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d",
            "fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125",
            "aeb6bcfe274b70a14fb067a5e5578264db0fa9b51af5e0ba159158f329e06e77",
            "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7",
            "4e3bbb1f7b478dcfe71fb631631519a3bca12c9aefca1612bfce4c13a86264d4",
            "76e67dadbcdf1e10e1b74ddc608abd2f98dfb16fbce75277b5232a127f2087ef",
            "ddb89be403809e325750d3d263cd78929c2942b7942a34b77e122c9594a74c8c",
            "5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328");

    private static final byte[] EMPTY_TREE = HEX.parseHex("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    private static final byte[] SOME_HASH = HEX.parseHex("abacaba000000000000000000000000000000000000000000060061e00123456");

    private final MerkleTree tree = new MerkleTree(InMemoryLeafHashes.ofEntries(ENTRIES));

    static Stream<Arguments> inclusionVectors() {
        return Stream.of(
                Arguments.of(0, 1, hexes()),
                Arguments.of(0, 8, hexes(
                        "96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7",
                        "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
                        "6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4")),
                Arguments.of(5, 8, hexes(
                        "bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b",
                        "ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0",
                        "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7")),
                Arguments.of(2, 3, hexes(
                        "fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125")),
                Arguments.of(1, 5, hexes(
                        "6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d",
                        "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
                        "bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b")));
    }

    static Stream<Arguments> consistencyVectors() {
        return Stream.of(
                Arguments.of(1, 1, hexes()),
                Arguments.of(1, 8, hexes(
                        "96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7",
                        "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
                        "6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4")),
                Arguments.of(6, 8, hexes(
                        "0ebc5d3437fbe2db158b9f126a1d118e308181031d0a949f8dededebc558ef6a",
                        "ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0",
                        "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7")),
                Arguments.of(2, 5, hexes(
                        "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
                        "bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b")),
                Arguments.of(6, 7, hexes(
                        "0ebc5d3437fbe2db158b9f126a1d118e308181031d0a949f8dededebc558ef6a",
                        "b08693ec2e721597130641e8211e7eedccb4c26413963eee6c1e2ed16ffb1a5f",
                        "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7")));
    }

    @Test
    void the_empty_tree_hashes_to_the_sha256_of_nothing() {
        assertThat(MerkleHash.emptyTree()).isEqualTo(EMPTY_TREE);
        assertThat(tree.rootHash(0)).isEqualTo(EMPTY_TREE);
        assertThat(CompactRange.EMPTY.rootHash()).isEqualTo(EMPTY_TREE);
    }

    @Test
    void the_roots_of_the_first_one_to_eight_reference_leaves_match_the_vectors() {
        CompactRange range = CompactRange.EMPTY;
        for (int size = 1; size <= 8; size++) {
            range = range.append(MerkleHash.leaf(ENTRIES.get(size - 1)));
            assertThat(tree.rootHash(size)).as("root of size %d", size).isEqualTo(ROOTS.get(size - 1));
            assertThat(range.rootHash()).as("compact range root of size %d", size).isEqualTo(ROOTS.get(size - 1));
        }
    }

    @ParameterizedTest(name = "leaf {0} of {1}")
    @MethodSource("inclusionVectors")
    void the_inclusion_proofs_match_the_vectors_and_verify(int leafIndex, int treeSize, List<byte[]> expected) {
        InclusionProof proof = tree.inclusionProof(leafIndex, treeSize);
        byte[] leafHash = MerkleHash.leaf(ENTRIES.get(leafIndex));
        byte[] root = ROOTS.get(treeSize - 1);

        assertThat(proof.path()).containsExactlyElementsOf(expected);
        assertThat(proof.verify(leafHash, root)).isTrue();
        assertThat(MerkleTree.verifyInclusion(leafHash, leafIndex, treeSize, expected, root)).isTrue();
    }

    @ParameterizedTest(name = "leaf {0} of {1}")
    @MethodSource("inclusionVectors")
    void corrupted_inclusion_proofs_of_the_vectors_are_rejected(int leafIndex, int treeSize, List<byte[]> path) {
        byte[] leafHash = MerkleHash.leaf(ENTRIES.get(leafIndex));
        byte[] root = ROOTS.get(treeSize - 1);

        assertThat(MerkleTree.verifyInclusion(leafHash, leafIndex - 1, treeSize, path, root)).as("index - 1").isFalse();
        assertThat(MerkleTree.verifyInclusion(leafHash, leafIndex + 1, treeSize, path, root)).as("index + 1").isFalse();
        assertThat(MerkleTree.verifyInclusion(leafHash, leafIndex ^ 2, treeSize, path, root)).as("index ^ 2").isFalse();
        assertThat(MerkleTree.verifyInclusion(leafHash, leafIndex, treeSize * 2, path, root)).as("size * 2").isFalse();
        assertThat(MerkleTree.verifyInclusion(leafHash, leafIndex, treeSize / 2, path, root)).as("size / 2").isFalse();
        assertThat(MerkleTree.verifyInclusion(SOME_HASH, leafIndex, treeSize, path, root)).as("wrong leaf").isFalse();
        assertThat(MerkleTree.verifyInclusion("WrongLeaf".getBytes(), leafIndex, treeSize, path, root)).as("short leaf").isFalse();
        assertThat(MerkleTree.verifyInclusion(leafHash, leafIndex, treeSize, path, EMPTY_TREE)).as("empty root").isFalse();
        assertThat(MerkleTree.verifyInclusion(leafHash, leafIndex, treeSize, path, SOME_HASH)).as("random root").isFalse();
        assertThat(MerkleTree.verifyInclusion(leafHash, leafIndex, treeSize, with(path, path.size(), root), root))
                .as("trailing root").isFalse();
        assertThat(MerkleTree.verifyInclusion(leafHash, leafIndex, treeSize, with(path, path.size(), new byte[0]), root))
                .as("trailing garbage").isFalse();
        assertThat(MerkleTree.verifyInclusion(leafHash, leafIndex, treeSize, with(path, 0, root), root))
                .as("preceding root").isFalse();
        for (int i = 0; i < path.size(); i++) {
            assertThat(MerkleTree.verifyInclusion(leafHash, leafIndex, treeSize, flipped(path, i, 3), root))
                    .as("bit 3 of proof[%d] flipped", i).isFalse();
        }
        if (!path.isEmpty()) {
            assertThat(MerkleTree.verifyInclusion(leafHash, leafIndex, treeSize, path.subList(0, path.size() - 1), root))
                    .as("removed component").isFalse();
        }
        if (path.size() > 1) {
            assertThat(MerkleTree.verifyInclusion(leafHash, leafIndex, treeSize, with(path, 1, SOME_HASH), root))
                    .as("inserted component").isFalse();
        }
    }

    @ParameterizedTest(name = "{0} to {1}")
    @MethodSource("consistencyVectors")
    void the_consistency_proofs_match_the_vectors_and_verify(int size1, int size2, List<byte[]> expected) {
        ConsistencyProof proof = tree.consistencyProof(size1, size2);
        byte[] root1 = ROOTS.get(size1 - 1);
        byte[] root2 = ROOTS.get(size2 - 1);

        assertThat(proof.hashes()).containsExactlyElementsOf(expected);
        assertThat(proof.verify(root1, root2)).isTrue();
        assertThat(MerkleTree.verifyConsistency(size1, size2, root1, root2, expected)).isTrue();
    }

    @ParameterizedTest(name = "{0} to {1}")
    @MethodSource("consistencyVectors")
    void corrupted_consistency_proofs_of_the_vectors_are_rejected(int size1, int size2, List<byte[]> proof) {
        if (proof.isEmpty()) {
            return;
        }
        byte[] root1 = ROOTS.get(size1 - 1);
        byte[] root2 = ROOTS.get(size2 - 1);

        assertThat(MerkleTree.verifyConsistency(size1 - 1, size2, root1, root2, proof)).as("size1 - 1").isFalse();
        assertThat(MerkleTree.verifyConsistency(size1 + 1, size2, root1, root2, proof)).as("size1 + 1").isFalse();
        assertThat(MerkleTree.verifyConsistency(size1 ^ 2, size2, root1, root2, proof)).as("size1 ^ 2").isFalse();
        assertThat(MerkleTree.verifyConsistency(size1, size2 * 2, root1, root2, proof)).as("size2 * 2").isFalse();
        assertThat(MerkleTree.verifyConsistency(size1, size2 / 2, root1, root2, proof)).as("size2 / 2").isFalse();
        assertThat(MerkleTree.verifyConsistency(size1, size2, SOME_HASH, root2, proof)).as("wrong root1").isFalse();
        assertThat(MerkleTree.verifyConsistency(size1, size2, root1, SOME_HASH, proof)).as("wrong root2").isFalse();
        assertThat(MerkleTree.verifyConsistency(size1, size2, root2, root1, proof)).as("swapped roots").isFalse();
        assertThat(MerkleTree.verifyConsistency(size1, size2, root1, root2, List.of())).as("empty proof").isFalse();
        assertThat(MerkleTree.verifyConsistency(size1, size2, root1, root2, with(proof, proof.size(), root1)))
                .as("trailing root1").isFalse();
        assertThat(MerkleTree.verifyConsistency(size1, size2, root1, root2, with(proof, proof.size(), new byte[0])))
                .as("trailing garbage").isFalse();
        assertThat(MerkleTree.verifyConsistency(size1, size2, root1, root2, with(proof, 0, root2)))
                .as("preceding root2").isFalse();
        assertThat(MerkleTree.verifyConsistency(size1, size2, root1, root2, with(proof, 0, proof.get(0))))
                .as("preceding proof[0]").isFalse();
        assertThat(MerkleTree.verifyConsistency(size1, size2, root1, root2, proof.subList(0, proof.size() - 1)))
                .as("truncated proof").isFalse();
        for (int i = 0; i < proof.size(); i++) {
            assertThat(MerkleTree.verifyConsistency(size1, size2, root1, root2, flipped(proof, i, 4)))
                    .as("bit 4 of proof[%d] flipped", i).isFalse();
        }
    }

    @Test
    void degenerate_consistency_cases_follow_the_rfc() {
        byte[] root1 = ROOTS.get(0);
        assertThat(MerkleTree.verifyConsistency(0, 0, EMPTY_TREE, EMPTY_TREE, List.of())).isTrue();
        assertThat(MerkleTree.verifyConsistency(0, 5, EMPTY_TREE, ROOTS.get(4), List.of())).isTrue();
        assertThat(MerkleTree.verifyConsistency(0, 5, root1, ROOTS.get(4), List.of())).as("size 0 with a non-empty root").isFalse();
        assertThat(MerkleTree.verifyConsistency(1, 1, root1, root1, List.of())).isTrue();
        assertThat(MerkleTree.verifyConsistency(1, 1, root1, ROOTS.get(1), List.of())).as("same size, other root").isFalse();
        assertThat(MerkleTree.verifyConsistency(1, 1, root1, root1, List.of(EMPTY_TREE))).as("same size, proof").isFalse();
        assertThat(MerkleTree.verifyConsistency(2, 1, ROOTS.get(1), root1, List.of())).as("back in time").isFalse();
        assertThat(MerkleTree.verifyConsistency(1, 2, root1, ROOTS.get(1), List.of())).as("missing proof").isFalse();
        assertThat(MerkleTree.verifyConsistency(1, 1, new byte[0], new byte[0], List.of())).as("not hashes").isFalse();
    }

    @Test
    void inclusion_in_a_one_leaf_tree_needs_an_empty_proof_and_the_leaf_as_root() {
        byte[] leaf = MerkleHash.leaf("data".getBytes());
        assertThat(MerkleTree.verifyInclusion(leaf, 0, 1, List.of(), leaf)).isTrue();
        assertThat(MerkleTree.verifyInclusion(leaf, 0, 1, List.of(), new byte[0])).isFalse();
        assertThat(MerkleTree.verifyInclusion(new byte[0], 0, 1, List.of(), leaf)).isFalse();
        for (long[] indexAndSize : new long[][] {{0, 0}, {1, 0}, {2, 1}, {-1, 1}}) {
            assertThat(MerkleTree.verifyInclusion(SOME_HASH, indexAndSize[0], indexAndSize[1], List.of(), EMPTY_TREE))
                    .as("index %d size %d", indexAndSize[0], indexAndSize[1]).isFalse();
        }
    }

    static List<byte[]> hexes(String... values) {
        List<byte[]> result = new ArrayList<>();
        for (String value : values) {
            result.add(HEX.parseHex(value));
        }
        return List.copyOf(result);
    }

    static List<byte[]> with(List<byte[]> proof, int position, byte[] extra) {
        List<byte[]> result = new ArrayList<>(proof);
        result.add(position, extra);
        return result;
    }

    static List<byte[]> flipped(List<byte[]> proof, int element, int bit) {
        List<byte[]> result = new ArrayList<>(proof);
        byte[] changed = result.get(element).clone();
        changed[0] ^= (byte) (1 << bit);
        result.set(element, changed);
        return result;
    }
}
