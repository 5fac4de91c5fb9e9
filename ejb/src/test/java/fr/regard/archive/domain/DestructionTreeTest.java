package fr.regard.archive.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import fr.regard.journal.format.InMemoryLeafHashes;
import fr.regard.journal.format.MerkleTree;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The Merkle root of a purge batch, as docs/archive.md tells an auditor to recompute it. */
class DestructionTreeTest {

    private static final Instant T0 = Instant.parse("2026-11-01T00:00:00Z");
    private static final String HASH = "9f2c".repeat(16);

    @Test
    @DisplayName("the root is the RFC 6962 tree of the documented UTF-8 leaf entries, camera then start")
    void rootAsDocumented() {
        DestructionTree tree = new DestructionTree();
        List<byte[]> entries = new ArrayList<>();
        for (String camera : List.of("HEL-008", "LIL-001", "LIL-002")) {
            for (int i = 0; i < 5; i++) {
                Instant start = T0.plusSeconds(60L * i);
                tree.add(camera, start, start.plusSeconds(60), 40 + i, HASH);
                entries.add((camera + "\n" + start + "\n" + start.plusSeconds(60) + "\n" + (40 + i) + "\n" + HASH)
                        .getBytes(StandardCharsets.UTF_8));
            }
        }
        assertThat(tree.size()).isEqualTo(15);
        assertThat(tree.rootHex()).isEqualTo(HexFormat.of().formatHex(
                new MerkleTree(InMemoryLeafHashes.ofEntries(entries)).rootHash()));
        assertThat(new String(DestructionTree.entry("LIL-001", T0, T0.plusSeconds(60), 58, HASH),
                StandardCharsets.UTF_8)).isEqualTo("LIL-001\n2026-11-01T00:00:00Z\n2026-11-01T00:01:00Z\n58\n" + HASH);
    }

    @Test
    @DisplayName("an empty batch has the empty tree's hash; out-of-order or malformed leaves are refused")
    void emptyAndRefused() {
        assertThat(new DestructionTree().rootHex())
                .isEqualTo("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
        DestructionTree tree = new DestructionTree().add("LIL-002", T0, T0.plusSeconds(60), 1, HASH);
        assertThatIllegalArgumentException().isThrownBy(() -> tree.add("LIL-001", T0, T0.plusSeconds(60), 1, HASH));
        assertThatIllegalArgumentException().isThrownBy(() -> tree.add("LIL-002", T0, T0.plusSeconds(60), 1, HASH));
        assertThatIllegalArgumentException().isThrownBy(() -> DestructionTree.entry("LIL-001", T0, T0, 1, "ABC"));
    }

    @Test
    @DisplayName("retention: the shorter of the camera's authorisation and the policy; Paris calendar days")
    void retention() {
        FootageRetention policy = new FootageRetention(14);
        assertThat(policy.daysFor(7)).isEqualTo(7);
        assertThat(policy.daysFor(31)).isEqualTo(14);
        // across the spring change: 14 Paris days back from 2026-04-05T10:00 Paris (08:00Z) is 2026-03-22T10:00 CET
        assertThat(FootageRetention.cutoff(Instant.parse("2026-04-05T08:00:00Z"), 14))
                .isEqualTo(Instant.parse("2026-03-22T09:00:00Z"));
        assertThat(FootageRetention.dueAt(Instant.parse("2026-03-22T09:00:00Z"), 14))
                .isEqualTo(Instant.parse("2026-04-05T08:00:00Z"));
        assertThatIllegalArgumentException().isThrownBy(() -> new FootageRetention(32));
    }
}
