package fr.regard.journal.format;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

/**
 * Scale: the compact range appends in O(log n), the tree computes a root over a million leaves in well under a
 * few seconds, and remembered complete subtrees make later roots and proofs over a slow store cheap.
 */
class LargeTreeTest {

    private static final int MILLION = 1_000_000;

    @Test
    void a_million_appends_and_a_million_leaf_root_take_well_under_a_few_seconds() {
        InMemoryLeafHashes leaves = new InMemoryLeafHashes();
        CompactRange range = CompactRange.EMPTY;

        long start = System.nanoTime();
        for (int i = 0; i < MILLION; i++) {
            byte[] leafHash = MerkleHash.leaf(Integer.toString(i).getBytes());
            leaves.append(leafHash);
            range = range.append(leafHash);
        }
        byte[] incrementalRoot = range.rootHash();
        Duration appending = Duration.ofNanos(System.nanoTime() - start);

        start = System.nanoTime();
        byte[] treeRoot = new MerkleTree(leaves).rootHash();
        Duration fullRoot = Duration.ofNanos(System.nanoTime() - start);

        System.out.printf("1M leaves: hashing + compact range appends %d ms, tree root %d ms%n",
                appending.toMillis(), fullRoot.toMillis());
        assertThat(treeRoot).isEqualTo(incrementalRoot);
        assertThat(range.size()).isEqualTo(MILLION);
        assertThat(range.hashes()).hasSize(Long.bitCount(MILLION));
        assertThat(appending).isLessThan(Duration.ofSeconds(5));
        assertThat(fullRoot).isLessThan(Duration.ofSeconds(3));
    }

    @Test
    void remembered_subtrees_keep_later_roots_and_proofs_over_a_slow_store_cheap() {
        InMemoryLeafHashes leaves = new InMemoryLeafHashes();
        for (int i = 0; i < 100_000; i++) {
            leaves.appendEntry(Integer.toString(i).getBytes());
        }
        AtomicLong reads = new AtomicLong();
        LeafHashes countingStore = new LeafHashes() {
            @Override
            public long size() {
                return leaves.size();
            }

            @Override
            public byte[] leafHash(long index) {
                reads.incrementAndGet();
                return leaves.leafHash(index);
            }
        };
        MerkleTree tree = new MerkleTree(countingStore);

        byte[] root = tree.rootHash(90_000);
        assertThat(reads.get()).isEqualTo(90_000);

        reads.set(0);
        InclusionProof proof = tree.inclusionProof(12_345, 90_000);
        assertThat(proof.verify(leaves.leafHash(12_345), root)).isTrue();
        assertThat(reads.get()).as("leaf reads for a proof once subtrees are known").isLessThan(2_048);

        reads.set(0);
        byte[] bigger = tree.rootHash(100_000);
        assertThat(tree.consistencyProof(90_000, 100_000).verify(root, bigger)).isTrue();
        assertThat(reads.get()).as("leaf reads to extend by 10,000 leaves").isLessThan(14_000);

        CompactRange range = CompactRange.EMPTY;
        for (int i = 0; i < 100_000; i++) {
            range = range.append(leaves.leafHash(i));
        }
        assertThat(bigger).isEqualTo(range.rootHash());
        assertThat(tree.compactRange(100_000)).isEqualTo(range);
    }
}
