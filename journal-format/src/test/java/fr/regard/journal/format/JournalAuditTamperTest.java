package fr.regard.journal.format;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Consumer;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The TAMPER suite (docs/journal-format.md, "Audit"): a genuine bundle of 1,000 entries with a checkpoint signed every
 * 100 entries is altered the way an attacker holding the server would, and each alteration must fail the audit,
 * name the exact first seq in question and the check that caught it. Line {@code n} of entries.jsonl holds seq
 * {@code n}; line 4 of checkpoints.jsonl is the checkpoint of size 500.
 */
class JournalAuditTamperTest {

    private static final int CHECKPOINT_500 = 4;
    private static final Instant GEN_TIME = Instant.parse("2030-01-01T00:00:00Z");

    private static JournalFixture journal;

    @TempDir
    Path temp;

    @BeforeAll
    static void journal() {
        journal = JournalFixture.create(1000, 100).timestampedWith(JournalFixture::fakeToken);
    }

    @Test
    void untouched_bundle_passes() throws IOException {
        AuditReport report = tampered(bundle -> { });

        assertThat(report.ok()).as(report.findings().toString()).isTrue();
        assertThat(report.firstBadSeq()).isEmpty();
    }

    @Test
    void modified_entry_is_named_exactly_by_its_leaf_hash() throws IOException {
        AuditReport report = tampered(bundle -> editEntries(bundle, lines -> {
            lines.set(450, lines.get(450).replaceFirst("\"actor\":\"[a-z.]+\"", "\"actor\":\"someone-else\""));
            return lines;
        }));

        assertFailure(report, AuditCheck.LEAF_HASHES, 450);
        assertThat(report.failedChecks()).containsExactly(AuditCheck.LEAF_HASHES);
        assertThat(report.check(AuditCheck.LEAF_HASHES).failures()).singleElement().extracting(Finding::message)
                .isEqualTo("Entrée 450 : empreinte recalculée différente de l'empreinte enregistrée");
    }

    @Test
    void modified_entry_with_a_recomputed_stored_hash_is_caught_by_the_signed_root() throws IOException {
        AuditReport report = tampered(bundle -> {
            String forged = new String(journal.entry(450), StandardCharsets.UTF_8).replace("\"seq\":450", "\"seq\":450")
                    .replaceFirst("\"purpose\":\"[^\"]*\"", "\"purpose\":\"Motif réécrit\"");
            editEntries(bundle, lines -> set(lines, 450, forged));
            editHashes(bundle, lines -> set(lines, 450, hex(MerkleHash.leaf(forged.getBytes(StandardCharsets.UTF_8)))));
        });

        assertFailure(report, AuditCheck.TREE_ROOTS, 400);
        assertThat(report.failedChecks()).contains(AuditCheck.TREE_ROOTS, AuditCheck.COVERAGE)
                .doesNotContain(AuditCheck.LEAF_HASHES);
    }

    @Test
    void deleted_entry_is_named_exactly() throws IOException {
        AuditReport report = tampered(bundle -> {
            editEntries(bundle, lines -> remove(lines, 450));
            editHashes(bundle, lines -> remove(lines, 450));
        });

        assertFailure(report, AuditCheck.ENTRY_SEQUENCE, 450);
        assertThat(report.check(AuditCheck.ENTRY_SEQUENCE).failures().get(0).message())
                .isEqualTo("Entrée 450 attendue, la ligne porte la séquence 451 : entrée 450 supprimée(s) ou déplacée(s)");
    }

    @Test
    void deleted_entry_line_alone_is_named_exactly() throws IOException {
        AuditReport report = tampered(bundle -> editEntries(bundle, lines -> remove(lines, 450)));

        assertFailure(report, AuditCheck.ENTRY_SEQUENCE, 450);
    }

    @Test
    void inserted_entry_is_named_exactly() throws IOException {
        JournalEntry genuine = SampleEntries.entry(450);
        JournalEntry fabricated = new JournalEntry(450, genuine.recordedAt(), genuine.sequencedAt(), "dpo", "DPO",
                "FOOTAGE_REVIEWED", Map.of("type", "case", "id", "DA-2026-000999"), "Consultation", null);
        String line = new String(fabricated.canonicalBytes(), StandardCharsets.UTF_8);
        AuditReport report = tampered(bundle -> {
            editEntries(bundle, lines -> insert(lines, 450, line));
            editHashes(bundle, lines -> insert(lines, 450, hex(fabricated.leafHash())));
        });

        assertFailure(report, AuditCheck.ENTRY_SEQUENCE, 450);
        assertThat(report.failedChecks()).contains(AuditCheck.TREE_ROOTS);
    }

    @Test
    void reordered_entries_are_named_exactly() throws IOException {
        AuditReport report = tampered(bundle -> {
            editEntries(bundle, lines -> swap(lines, 450, 451));
            editHashes(bundle, lines -> swap(lines, 450, 451));
        });

        assertFailure(report, AuditCheck.ENTRY_SEQUENCE, 450);
    }

    @Test
    void tail_truncated_after_a_checkpoint_is_named_at_the_first_missing_seq() throws IOException {
        AuditReport report = tampered(bundle -> {
            editEntries(bundle, lines -> lines.subList(0, 800));
            editHashes(bundle, lines -> lines.subList(0, 800));
            BundleFiles.editManifest(bundle, "\"lastSeq\":999", "\"lastSeq\":799");
            BundleFiles.editManifest(bundle, "\"treeSize\":1000", "\"treeSize\":800");
        });

        assertFailure(report, AuditCheck.COVERAGE, 800);
        assertThat(report.failedChecks()).containsExactly(AuditCheck.COVERAGE);
        assertThat(report.check(AuditCheck.COVERAGE).failures().get(0).message())
                .isEqualTo("Troncature : le point de contrôle signé de taille 900 couvre les entrées 800 à 899, absentes "
                        + "du lot (le manifeste annonce un journal de 800 entrées à l'export)");
    }

    @Test
    void tail_truncated_without_touching_the_manifest_is_named_at_the_first_missing_seq() throws IOException {
        AuditReport report = tampered(bundle -> {
            editEntries(bundle, lines -> lines.subList(0, 800));
            editHashes(bundle, lines -> lines.subList(0, 800));
        });

        assertFailure(report, AuditCheck.ENTRY_SEQUENCE, 800);
        assertThat(report.failedChecks()).contains(AuditCheck.COVERAGE);
    }

    @Test
    void forked_checkpoint_signed_by_the_genuine_key_is_caught() throws IOException {
        byte[] otherRoot = MerkleHash.leaf("another history".getBytes(StandardCharsets.UTF_8));
        SignedNote fork = new Checkpoint(JournalFixture.ORIGIN, 500, otherRoot).sign(journal.signer());
        AuditReport report = tampered(bundle -> BundleFiles.edit(bundle, JournalBundle.CHECKPOINTS,
                lines -> insert(lines, CHECKPOINT_500 + 1, checkpointLine(fork.format()))));

        assertFailure(report, AuditCheck.CHECKPOINT_ORDER, 400);
        assertThat(report.check(AuditCheck.CHECKPOINT_ORDER).failures().get(0).message())
                .isEqualTo("Bifurcation : 2 racines différentes signées pour la taille 500");
    }

    @Test
    void checkpoint_resigned_with_another_key_is_caught() throws IOException {
        NoteSigner attacker = NoteSigner.generate(JournalFixture.ORIGIN);
        AuditReport report = tampered(bundle -> BundleFiles.edit(bundle, JournalBundle.CHECKPOINTS, lines -> {
            String text = journal.checkpoint(500).toNoteText();
            return set(lines, CHECKPOINT_500, checkpointLine(SignedNote.sign(text, attacker).format()));
        }));

        assertFailure(report, AuditCheck.CHECKPOINT_SIGNATURES, 400);
        assertThat(report.failedChecks()).containsExactly(AuditCheck.CHECKPOINT_SIGNATURES);
    }

    @Test
    void rollback_to_an_older_checkpoint_is_caught_with_the_known_checkpoint() throws IOException {
        Path older = journal.writeDirectory(temp.resolve("older"), journal.bundle(0, 799, 800, OptionalLong.empty()));
        KnownCheckpoint seenBefore = KnownCheckpoint.ofSignedNote(journal.signedCheckpoint(1000).format());

        AuditReport alone = audit(older, Optional.empty());
        AuditReport report = audit(older, Optional.of(seenBefore));

        assertThat(alone.ok()).as("without the known checkpoint an older export looks fine").isTrue();
        assertFailure(report, AuditCheck.ROLLBACK, 800);
        assertThat(report.failedChecks()).containsExactly(AuditCheck.ROLLBACK);
        assertThat(report.check(AuditCheck.ROLLBACK).failures().get(0).message()).startsWith("Retour arrière");
    }

    @Test
    void rewritten_history_against_the_known_checkpoint_is_caught() throws IOException {
        KnownCheckpoint seenBefore = KnownCheckpoint.ofVerified(
                new Checkpoint(JournalFixture.ORIGIN, 650, MerkleHash.leaf(new byte[] {1})));

        AuditReport report = tampered(bundle -> { }, Optional.of(seenBefore));

        assertFailure(report, AuditCheck.ROLLBACK, 600);
    }

    @Test
    void checkpoint_of_another_origin_is_caught() throws IOException {
        SignedNote foreign = new Checkpoint("other.example/log", 500, journal.checkpoint(500).rootHash())
                .sign(journal.signer());
        AuditReport report = tampered(bundle -> BundleFiles.edit(bundle, JournalBundle.CHECKPOINTS,
                lines -> set(lines, CHECKPOINT_500, checkpointLine(foreign.format()))));

        assertFailure(report, AuditCheck.CHECKPOINT_SIGNATURES, 400);
        assertThat(report.check(AuditCheck.CHECKPOINT_SIGNATURES).failures().get(0).message())
                .contains("origine « other.example/log »");
    }

    @Test
    void altered_timestamp_token_is_caught() throws IOException {
        AuditReport report = tampered(bundle -> BundleFiles.edit(bundle, JournalBundle.CHECKPOINTS, lines -> {
            String note = journal.signedCheckpoint(500).format();
            byte[] token = JournalFixture.fakeToken(journal.signedCheckpoint(500));
            token[10] ^= 1;
            return set(lines, CHECKPOINT_500, new String(BundleJson.checkpoint(CheckpointEvidence.of(note, token)),
                    StandardCharsets.UTF_8));
        }));

        assertFailure(report, AuditCheck.TIMESTAMPS, 400);
    }

    @Test
    void non_canonical_entry_is_named_exactly() throws IOException {
        AuditReport report = tampered(bundle -> {
            String spaced = new String(journal.entry(450), StandardCharsets.UTF_8).replace("\"v\":1}", "\"v\": 1}");
            editEntries(bundle, lines -> set(lines, 450, spaced));
            editHashes(bundle, lines -> set(lines, 450, hex(MerkleHash.leaf(spaced.getBytes(StandardCharsets.UTF_8)))));
        });

        assertFailure(report, AuditCheck.ENTRY_FORMAT, 450);
        assertThat(report.check(AuditCheck.ENTRY_FORMAT).failures().get(0).message())
                .startsWith("Entrée 450 : format non canonique — whitespace at offset");
    }

    @Test
    void entry_sequenced_back_in_time_is_named_exactly() throws IOException {
        JournalEntry genuine = SampleEntries.entry(450);
        JournalEntry backdated = new JournalEntry(450, genuine.recordedAt().minusSeconds(3600),
                genuine.sequencedAt().minusSeconds(3600), genuine.actor(), genuine.role(), genuine.action(),
                genuine.object(), genuine.purpose(), genuine.details());
        AuditReport report = tampered(bundle -> editEntries(bundle,
                lines -> set(lines, 450, new String(backdated.canonicalBytes(), StandardCharsets.UTF_8))));

        assertFailure(report, AuditCheck.ENTRY_TIMES, 450);
        assertThat(report.failedChecks()).containsExactly(AuditCheck.ENTRY_TIMES, AuditCheck.LEAF_HASHES);
    }

    @Test
    void forged_consistency_proof_is_caught() throws IOException {
        Path bundle = journal.writeDirectory(temp.resolve("b"), journal.bundle(350, 999, 1000, OptionalLong.empty()));
        BundleFiles.edit(bundle, JournalBundle.CONSISTENCY, lines -> set(lines, 0, lines.get(0)
                .replaceFirst("\"hashes\":\\[\"[A-Za-z0-9+/]", "\"hashes\":[\"A")));

        AuditReport report = audit(bundle, Optional.empty());

        assertFailure(report, AuditCheck.CONSISTENCY_PROOFS, 300);
    }

    @Test
    void forged_prefix_is_caught_by_the_first_signed_root_of_the_period() throws IOException {
        Path bundle = journal.writeDirectory(temp.resolve("b"), journal.bundle(350, 999, 1000, OptionalLong.empty()));
        BundleFiles.edit(bundle, JournalBundle.PREFIX, lines -> List.of(new String(BundleJson.prefix(
                CompactRange.EMPTY.appendAll(Collections.nCopies(350, new byte[32]))), StandardCharsets.UTF_8).strip()));

        AuditReport report = audit(bundle, Optional.empty());

        assertFailure(report, AuditCheck.TREE_ROOTS, 300);
    }

    @Test
    void bundle_entirely_signed_by_another_key_fails_from_seq_zero() throws IOException {
        NoteSigner attacker = NoteSigner.generate(JournalFixture.ORIGIN);
        AuditReport report = tampered(bundle -> BundleFiles.edit(bundle, JournalBundle.CHECKPOINTS, lines -> {
            for (int i = 0; i < lines.size(); i++) {
                lines.set(i, checkpointLine(journal.checkpoint(100L * (i + 1)).sign(attacker).format()));
            }
            return lines;
        }));

        assertFailure(report, AuditCheck.CHECKPOINT_SIGNATURES, 0);
        assertThat(report.failedChecks()).contains(AuditCheck.COVERAGE);
        assertThat(report.check(AuditCheck.TREE_ROOTS).status()).isEqualTo(CheckStatus.SKIPPED);
    }

    private static void assertFailure(AuditReport report, AuditCheck check, long firstBadSeq) {
        assertThat(report.ok()).as("report ok").isFalse();
        assertThat(report.firstBadSeq()).as("first bad seq; %s", report.findings()).hasValue(firstBadSeq);
        assertThat(report.failedChecks()).contains(check);
        assertThat(report.firstFailure()).get().extracting(Finding::check).as("check naming the first bad seq")
                .isEqualTo(check);
    }

    private AuditReport tampered(Consumer<Path> tamper) throws IOException {
        return tampered(tamper, Optional.empty());
    }

    private AuditReport tampered(Consumer<Path> tamper, Optional<KnownCheckpoint> known) throws IOException {
        Path bundle = journal.writeDirectory(temp.resolve("bundle"), journal.bundle());
        tamper.accept(bundle);
        return audit(bundle, known);
    }

    private static AuditReport audit(Path bundle, Optional<KnownCheckpoint> known) throws IOException {
        try (JournalBundleReader reader = JournalBundleReader.open(bundle)) {
            return JournalAudit.run(reader.auditSource(), journal.verifier(), known,
                    JournalFixture.fakeTimestampCheck(GEN_TIME));
        }
    }

    private static void editEntries(Path bundle, java.util.function.UnaryOperator<List<String>> change) {
        BundleFiles.edit(bundle, JournalBundle.ENTRIES, change);
    }

    private static void editHashes(Path bundle, java.util.function.UnaryOperator<List<String>> change) {
        BundleFiles.edit(bundle, JournalBundle.LEAF_HASHES, change);
    }

    private static String checkpointLine(String signedNote) {
        return new String(BundleJson.checkpoint(CheckpointEvidence.of(signedNote)), StandardCharsets.UTF_8);
    }

    private static String hex(byte[] hash) {
        return HexFormat.of().formatHex(hash);
    }

    private static List<String> set(List<String> lines, int index, String line) {
        lines.set(index, line);
        return lines;
    }

    private static List<String> remove(List<String> lines, int index) {
        lines.remove(index);
        return lines;
    }

    private static List<String> insert(List<String> lines, int index, String line) {
        lines.add(index, line);
        return lines;
    }

    private static List<String> swap(List<String> lines, int i, int j) {
        Collections.swap(lines, i, j);
        return lines;
    }
}
