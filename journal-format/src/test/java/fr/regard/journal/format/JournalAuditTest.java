package fr.regard.journal.format;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Audits of genuine journals (docs/journal-format.md, "Audit"): every legitimate shape of bundle passes. */
class JournalAuditTest {

    private static JournalFixture journal;

    @TempDir
    Path temp;

    @BeforeAll
    static void journal() {
        journal = JournalFixture.create(1000, 100).timestampedWith(JournalFixture::fakeToken);
    }

    @Test
    void a_genuine_bundle_of_the_whole_journal_passes_every_check() throws IOException {
        AuditReport report = audit(journal.writeDirectory(temp.resolve("b"), journal.bundle()), Optional.empty(),
                JournalFixture.fakeTimestampCheck(Instant.parse("2030-01-01T00:00:00Z")));

        assertThat(report.ok()).as(report.findings().toString()).isTrue();
        assertThat(report.firstBadSeq()).isEmpty();
        assertThat(report.checks()).extracting(CheckResult::status).containsOnly(CheckStatus.PASSED, CheckStatus.SKIPPED);
        assertThat(report.check(AuditCheck.ROLLBACK).status()).isEqualTo(CheckStatus.SKIPPED);
        assertThat(report.check(AuditCheck.TIMESTAMPS).status()).isEqualTo(CheckStatus.PASSED);
        assertThat(report.counts()).isEqualTo(new AuditReport.Counts(JournalFixture.ORIGIN, 1000, 0, 1000, 10, 10,
                1000, 1000));
        assertThat(report.check(AuditCheck.TREE_ROOTS).summary()).contains("10 taille(s)");
    }

    @Test
    void a_genuine_zip_bundle_passes_too() throws IOException {
        AuditReport report = audit(journal.writeZip(temp.resolve("b.zip"), journal.bundle()), Optional.empty(), null);

        assertThat(report.ok()).as(report.findings().toString()).isTrue();
        assertThat(report.check(AuditCheck.TIMESTAMPS).status()).isEqualTo(CheckStatus.SKIPPED);
        assertThat(report.check(AuditCheck.TIMESTAMPS).summary()).contains("10 jeton(s) non vérifié(s)");
    }

    @Test
    void a_period_in_the_middle_passes_with_its_prefix_the_previous_checkpoint_and_a_proof() throws IOException {
        JournalBundle bundle = journal.bundle(350, 999, 1000, OptionalLong.empty());
        assertThat(bundle.checkpoints()).hasSize(8);
        assertThat(bundle.consistencyProofs()).extracting(ConsistencyProof::size1).containsExactly(300L);

        AuditReport report = audit(journal.writeDirectory(temp.resolve("b"), bundle), Optional.empty(), null);

        assertThat(report.ok()).as(report.findings().toString()).isTrue();
        assertThat(report.check(AuditCheck.CONSISTENCY_PROOFS).summary()).startsWith("1 preuve(s) vérifiée(s)");
    }

    @Test
    void a_partial_export_ending_before_the_newest_checkpoint_passes_and_says_so() throws IOException {
        JournalBundle bundle = journal.bundle(0, 449, 1000, OptionalLong.empty());

        AuditReport report = audit(journal.writeDirectory(temp.resolve("b"), bundle), Optional.empty(), null);

        assertThat(report.ok()).as(report.findings().toString()).isTrue();
        assertThat(report.check(AuditCheck.COVERAGE).summary()).contains("période partielle")
                .contains("1 point(s) de contrôle postérieur(s) relié(s)");
    }

    @Test
    void the_newest_checkpoint_the_auditor_saw_before_is_accepted_in_every_position() throws IOException {
        Path whole = journal.writeDirectory(temp.resolve("whole"), journal.bundle());
        for (long size : new long[] {1000, 600, 450}) {
            assertThat(audit(whole, known(size), null).check(AuditCheck.ROLLBACK).status())
                    .as("known checkpoint of size %d", size).isEqualTo(CheckStatus.PASSED);
        }
        Path later = journal.writeDirectory(temp.resolve("later"), journal.bundle(500, 999, 1000, OptionalLong.of(230)));
        AuditReport report = audit(later, known(230), null);
        assertThat(report.ok()).as(report.findings().toString()).isTrue();
        assertThat(report.check(AuditCheck.ROLLBACK).summary()).contains("preuve de cohérence depuis la taille 230");
    }

    @Test
    void a_known_checkpoint_before_the_bundle_without_a_proof_cannot_be_confirmed() throws IOException {
        Path later = journal.writeDirectory(temp.resolve("later"), journal.bundle(500, 999, 1000, OptionalLong.empty()));

        AuditReport report = audit(later, known(230), null);

        assertThat(report.ok()).isFalse();
        assertThat(report.failedChecks()).containsExactly(AuditCheck.ROLLBACK);
        assertThat(report.firstBadSeq()).isEmpty();
        assertThat(report.check(AuditCheck.ROLLBACK).failures().get(0).message()).contains("since=230");
    }

    @Test
    void an_empty_bundle_at_the_head_of_the_journal_passes() throws IOException {
        JournalBundle bundle = journal.bundle(1000, 999, 1000, OptionalLong.empty());

        AuditReport report = audit(journal.writeDirectory(temp.resolve("b"), bundle), Optional.empty(), null);

        assertThat(report.ok()).as(report.findings().toString()).isTrue();
        assertThat(report.counts().entries()).isZero();
    }

    @Test
    void the_server_can_audit_its_own_rows_through_an_audit_source() throws IOException {
        AuditSource rows = new AuditSource() {
            @Override public String origin() {
                return JournalFixture.ORIGIN;
            }

            @Override public long firstSeq() {
                return 0;
            }

            @Override public OptionalLong lastSeq() {
                return OptionalLong.empty();
            }

            @Override public CompactRange prefix() {
                return CompactRange.EMPTY;
            }

            @Override public EntryCursor entries() {
                Iterator<AuditRecord> records = journal.records(0, 999);
                return EntryCursor.of(records);
            }

            @Override public List<CheckpointEvidence> checkpoints() {
                return journal.checkpointSizes().stream().map(journal::evidence).toList();
            }

            @Override public List<ConsistencyProof> consistencyProofs() {
                return List.of();
            }

            @Override public OptionalLong treeSizeAtExport() {
                return OptionalLong.empty();
            }
        };

        AuditReport report = JournalAudit.run(rows, journal.verifier(),
                Optional.of(KnownCheckpoint.ofVerified(journal.checkpoint(700))), null);

        assertThat(report.ok()).as(report.findings().toString()).isTrue();
        assertThat(report.check(AuditCheck.ROLLBACK).status()).isEqualTo(CheckStatus.PASSED);
    }

    @Test
    void timestamps_issued_before_the_entries_they_cover_were_sequenced_fail() throws IOException {
        AuditReport report = audit(journal.writeDirectory(temp.resolve("b"), journal.bundle()), Optional.empty(),
                JournalFixture.fakeTimestampCheck(SampleEntries.START.plusSeconds(300)));

        assertThat(report.failedChecks()).containsExactly(AuditCheck.TIMESTAMPS);
        assertThat(report.firstBadSeq()).hasValue(400);
        assertThat(report.check(AuditCheck.TIMESTAMPS).failures().get(0).message())
                .startsWith("Point de contrôle de taille 500 horodaté le 2026-11-25T08:05:00Z, avant la séquenciation");
    }

    private AuditReport audit(Path bundle, Optional<KnownCheckpoint> known, TimestampCheck tsa) throws IOException {
        try (JournalBundleReader reader = JournalBundleReader.open(bundle)) {
            return JournalAudit.run(reader.auditSource(), journal.verifier(), known, tsa);
        }
    }

    private static Optional<KnownCheckpoint> known(long size) {
        return Optional.of(KnownCheckpoint.ofSignedNote(journal.signedCheckpoint(size).format()));
    }
}
