package fr.regard.archive.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.regard.archive.domain.IndexedSegment;
import fr.regard.archive.domain.IngestProblem;
import fr.regard.archive.domain.IngestReport;
import fr.regard.archive.domain.RecordingArchive;
import fr.regard.archive.domain.SegmentFiles;
import fr.regard.archive.domain.SegmentListing;
import fr.regard.archive.domain.SegmentRef;
import fr.regard.archive.infrastructure.FilesystemRecordingArchive;
import fr.regard.archive.infrastructure.IndexDatabase;
import fr.regard.archive.infrastructure.JdbcSegmentIndex;
import fr.regard.journal.infrastructure.JdbcJournals;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.SortedSet;
import java.util.function.Function;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The ingest on a real filesystem archive (temporary folder) and a real H2 index with the real JDBC journal. Each
 * transaction here is the connection's own auto-commit; the server's JTA transactions are covered by SegmentIndexIT.
 */
class SegmentIngestTest {

    static final Instant T0 = Instant.parse("2026-11-20T13:30:00Z");
    static final Duration MINUTE = Duration.ofMinutes(1);

    @TempDir
    Path temp;

    Path root;
    DataSource db;
    JdbcSegmentIndex index;
    MutableClock clock;
    RecordingArchive archive;
    IngestPolicy policy = new IngestPolicy(MINUTE, Duration.ofHours(1), 1000, Duration.ofSeconds(30),
            Duration.ofMinutes(10));

    @BeforeEach
    void setUp() throws Exception {
        root = Files.createDirectories(temp.resolve("archive"));
        db = IndexDatabase.fresh("LIL-001", "LIL-002", "HEL-003");
        index = new JdbcSegmentIndex(db);
        clock = new MutableClock(T0.plus(Duration.ofHours(2)));
        archive = new FilesystemRecordingArchive(root, entry -> { });
    }

    IngestReport run() {
        return ingest(archive).run("node-1", "system", "system");
    }

    SegmentIngest ingest(RecordingArchive on) {
        return new SegmentIngest(on, index, () -> Set.of("LIL-001", "LIL-002", "HEL-003"), JdbcJournals.on(db),
                Runnable::run, policy, clock);
    }

    Path record(String camera, Instant start, Duration duration, String marker) throws IOException {
        Path file = root.resolve(FilesystemRecordingArchive.locationOf(camera, start, duration));
        Files.createDirectories(file.getParent());
        return Files.write(file, mp4(marker));
    }

    static byte[] mp4(String marker) {
        return SegmentFiles.mp4(marker);
    }

    static String sha256(Path file) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
    }

    List<IndexedSegment> indexed(String camera) {
        return index.overlapping(List.of(camera), Instant.EPOCH, T0.plus(Duration.ofDays(1)), 100_000);
    }

    List<String> journalActions() throws Exception {
        return IndexDatabase.column(db, "select action from journal_entry order by id");
    }

    List<String> journalDetails() throws Exception {
        return IndexDatabase.column(db, "select details_json from journal_entry order by id");
    }

    @Test
    @DisplayName("new segments are indexed once with camera, span, size, location and the SHA-256 of their bytes")
    void indexesNewSegments() throws Exception {
        Path a = record("LIL-001", T0, MINUTE, "a");
        Path b = record("LIL-001", T0.plus(MINUTE), MINUTE, "bb");
        Path c = record("HEL-003", T0, Duration.ofSeconds(30), "ccc");

        IngestReport report = run();

        assertThat(report.outcome()).isEqualTo(IngestReport.Outcome.COMPLETED);
        assertThat(report.cameras()).isEqualTo(2);
        assertThat(report.listed()).isEqualTo(3);
        assertThat(report.indexed()).isEqualTo(3);
        assertThat(report.alreadyIndexed()).isZero();
        assertThat(report.problemCount()).isZero();
        assertThat(report.bytesHashed()).isEqualTo(Files.size(a) + Files.size(b) + Files.size(c));
        List<IndexedSegment> lil = indexed("LIL-001");
        assertThat(lil).extracting(IndexedSegment::location)
                .containsExactly("LIL-001/20261120/133000-60.mp4", "LIL-001/20261120/133100-60.mp4");
        IndexedSegment first = lil.get(0);
        assertThat(first.start()).isEqualTo(T0);
        assertThat(first.end()).isEqualTo(T0.plus(MINUTE));
        assertThat(first.size()).isEqualTo(Files.size(a));
        assertThat(first.sha256()).isEqualTo(sha256(a));
        assertThat(lil.get(1).sha256()).isEqualTo(sha256(b));
        assertThat(indexed("HEL-003")).singleElement().satisfies(s -> {
            assertThat(s.sha256()).isEqualTo(sha256(c));
            assertThat(s.end()).isEqualTo(T0.plusSeconds(30));
            assertThat(s.state()).hasToString("PRESENT");
            assertThat(s.indexedAt()).isEqualTo(clock.instant());
        });
        assertThat(journalActions()).containsExactly("ARCHIVE_INGEST_RUN");
        assertThat(journalDetails().get(0)).contains("\"indexed\":\"3\"", "\"outcome\":\"COMPLETED\"",
                "\"problems\":\"0\"");
        assertThat(index.lastIngest()).get().usingRecursiveComparison().isEqualTo(report);
        assertThat(index.runningIngest(clock.instant())).isEmpty();
    }

    @Test
    @DisplayName("a rerun indexes nothing new, hashes nothing again, and journals nothing when there is nothing to say")
    void rerunIsIdempotent() throws Exception {
        for (int i = 0; i < 5; i++) {
            record("LIL-002", T0.plus(MINUTE.multipliedBy(i)), MINUTE, "s" + i);
        }
        run();
        String before = IndexDatabase.column(db, "select count(*) || '/' || max(id) from footage_segment").get(0);

        IngestReport again = run();

        assertThat(again.outcome()).isEqualTo(IngestReport.Outcome.COMPLETED);
        assertThat(again.indexed()).isZero();
        assertThat(again.alreadyIndexed()).isEqualTo(5);
        assertThat(again.bytesHashed()).isZero();
        assertThat(IndexDatabase.column(db, "select count(*) || '/' || max(id) from footage_segment").get(0))
                .isEqualTo(before).startsWith("5/");
        assertThat(journalActions()).containsExactly("ARCHIVE_INGEST_RUN");
        assertThat(index.lastIngest()).get().extracting(IngestReport::runId).isEqualTo(again.runId());
    }

    @Test
    @DisplayName("a rerun lists only from the camera's newest indexed segment minus the lookback, not the whole archive")
    void rerunStartsFromTheWatermark() throws Exception {
        for (int i = 0; i < 180; i++) { // three hours of one-minute segments, the last one ending at T0 + 2 h
            record("LIL-001", T0.minus(Duration.ofHours(1)).plus(MINUTE.multipliedBy(i)), MINUTE, "m" + i);
        }
        clock.set(T0.plus(Duration.ofHours(2)).plusSeconds(30)); // the last one ended 30 s ago: not settled
        IngestReport first = run();
        assertThat(first.listed()).isEqualTo(180);
        assertThat(first.indexed()).isEqualTo(179);
        assertThat(first.notSettled()).isEqualTo(1);

        // a late file older than the newest indexed start minus the lookback is not looked for (docs/archive.md)
        record("LIL-001", T0.minus(Duration.ofHours(1)).minusSeconds(30), Duration.ofSeconds(30), "late, too old");
        clock.set(T0.plus(Duration.ofHours(2)).plus(MINUTE.multipliedBy(2)));
        IngestReport rerun = run();

        // newest indexed start T0 + 1h58, lookback 1 h: the 62 segments starting from T0 + 0h58 are listed
        assertThat(rerun.listed()).isEqualTo(62);
        assertThat(rerun.indexed()).isEqualTo(1);
        assertThat(rerun.alreadyIndexed()).isEqualTo(61);
        assertThat(rerun.bytesHashed()).isEqualTo(Files.size(root.resolve("LIL-001/20261120/145900-60.mp4")));
        assertThat(indexed("LIL-001")).hasSize(180);
    }

    @Test
    @DisplayName("corrupt, partial and unexpected files are skipped and reported, counted by kind; the rest is indexed")
    void unexpectedEntriesReported() throws Exception {
        record("LIL-001", T0, MINUTE, "good");
        Path day = root.resolve("LIL-001/20261120");
        Files.writeString(day.resolve("notes.txt"), "relevé du technicien");
        Files.write(day.resolve("133500-60.mp4.part"), mp4("being copied"));
        Files.write(day.resolve("133600-60.mp4"), new byte[0]);
        Files.writeString(day.resolve("133700-60.mp4"), "<html>not a video</html>");
        Files.write(day.resolve("133800-60.mp4"), new byte[] {0, 0, 0});
        Files.createDirectories(root.resolve("LIL-001/lost+found"));
        Files.createDirectories(root.resolve("ZZZ-999/20261120"));
        Files.write(root.resolve("ZZZ-999/20261120/133000-60.mp4"), mp4("unregistered camera"));

        IngestReport report = run();

        assertThat(report.outcome()).isEqualTo(IngestReport.Outcome.COMPLETED);
        assertThat(report.indexed()).isEqualTo(1);
        assertThat(report.problems()).containsEntry(IngestProblem.Kind.SKIPPED_ENTRY, 6L)
                .containsEntry(IngestProblem.Kind.UNKNOWN_CAMERA, 1L).hasSize(2);
        assertThat(report.samples()).extracting(IngestProblem::location).contains("LIL-001/20261120/notes.txt",
                "LIL-001/20261120/133500-60.mp4.part", "LIL-001/20261120/133600-60.mp4",
                "LIL-001/20261120/133700-60.mp4", "LIL-001/20261120/133800-60.mp4", "LIL-001/lost+found", "ZZZ-999");
        assertThat(report.samples()).filteredOn(p -> p.location().endsWith("133700-60.mp4")).singleElement()
                .extracting(IngestProblem::reason).asString().contains("ftyp");
        assertThat(indexed("LIL-001")).extracting(IndexedSegment::location)
                .containsExactly("LIL-001/20261120/133000-60.mp4");
        // one summary event for the run, not one per file
        assertThat(journalActions()).containsExactly("ARCHIVE_INGEST_RUN");
        assertThat(journalDetails().get(0)).contains("\"problems\":\"7\"", "\"problems.SKIPPED_ENTRY\":\"6\"",
                "\"problems.UNKNOWN_CAMERA\":\"1\"");
        assertThat(index.lastIngest().orElseThrow().samples()).isEqualTo(report.samples());
    }

    @Test
    @DisplayName("a segment that vanishes between the listing and the hashing is reported, the run goes on")
    void vanishedSegment() throws Exception {
        record("LIL-001", T0, MINUTE, "stays");
        Path gone = record("LIL-001", T0.plus(MINUTE), MINUTE, "purged meanwhile");
        record("LIL-001", T0.plus(MINUTE.multipliedBy(2)), MINUTE, "stays too");
        RecordingArchive purgedWhileHashing = new OnOpen(archive, segment -> {
            if (segment.location().endsWith("133100-60.mp4")) {
                delete(gone);
            }
            return archive.open(segment);
        });

        IngestReport report = ingest(purgedWhileHashing).run("node-1", "system", "system");

        assertThat(report.outcome()).isEqualTo(IngestReport.Outcome.COMPLETED);
        assertThat(report.indexed()).isEqualTo(2);
        assertThat(report.problems()).containsExactly(java.util.Map.entry(IngestProblem.Kind.VANISHED, 1L));
        assertThat(report.samples()).singleElement().extracting(IngestProblem::location)
                .isEqualTo("LIL-001/20261120/133100-60.mp4");
        assertThat(indexed("LIL-001")).extracting(IndexedSegment::location)
                .containsExactly("LIL-001/20261120/133000-60.mp4", "LIL-001/20261120/133200-60.mp4");
    }

    @Test
    @DisplayName("a segment whose bytes cannot be read through is reported as unreadable and not indexed")
    void unreadableSegment() throws Exception {
        record("LIL-001", T0, MINUTE, "broken disk sector");
        record("LIL-001", T0.plus(MINUTE), MINUTE, "fine");
        RecordingArchive failingDisk = new OnOpen(archive, segment -> segment.location().endsWith("133000-60.mp4")
                ? new InputStream() {
                    @Override
                    public int read() throws IOException {
                        throw new IOException("Input/output error");
                    }
                } : archive.open(segment));

        IngestReport report = ingest(failingDisk).run("node-1", "system", "system");

        assertThat(report.indexed()).isEqualTo(1);
        assertThat(report.problems()).containsExactly(java.util.Map.entry(IngestProblem.Kind.UNREADABLE, 1L));
        assertThat(report.samples().get(0).reason()).contains("Input/output error");
    }

    @Test
    @DisplayName("a segment growing while it is hashed is not indexed with a wrong hash; the next run indexes it whole")
    void growingSegmentRetried() throws Exception {
        Path growing = record("LIL-001", T0, MINUTE, "first half");
        RecordingArchive stillWritten = new OnOpen(archive, segment -> {
            append(growing, "second half");
            return archive.open(segment);
        });

        IngestReport first = ingest(stillWritten).run("node-1", "system", "system");

        assertThat(first.indexed()).isZero();
        assertThat(first.problems()).containsExactly(java.util.Map.entry(IngestProblem.Kind.CHANGED_WHILE_HASHING, 1L));
        assertThat(indexed("LIL-001")).isEmpty();

        IngestReport second = run();

        assertThat(second.indexed()).isEqualTo(1);
        assertThat(indexed("LIL-001")).singleElement().satisfies(s -> {
            assertThat(s.size()).isEqualTo(Files.size(growing));
            assertThat(s.sha256()).isEqualTo(sha256(growing));
        });
    }

    @Test
    @DisplayName("a segment still being recorded (ending within the settle delay) waits for a later run")
    void unsettledSegmentWaits() throws Exception {
        record("LIL-001", T0, MINUTE, "done");
        record("LIL-001", T0.plus(MINUTE), MINUTE, "being recorded");
        clock.set(T0.plus(MINUTE).plusSeconds(90)); // the second ends 30 s ago; settle is 60 s

        IngestReport early = run();

        assertThat(early.indexed()).isEqualTo(1);
        assertThat(early.notSettled()).isEqualTo(1);
        assertThat(early.problemCount()).isZero();

        clock.set(T0.plus(MINUTE.multipliedBy(3)));
        IngestReport later = run();

        assertThat(later.indexed()).isEqualTo(1);
        assertThat(later.alreadyIndexed()).isEqualTo(1);
        assertThat(indexed("LIL-001")).hasSize(2);
    }

    @Test
    @DisplayName("a segment whose size changed after indexing is reported; the hash taken at ingest is kept")
    void changedSinceIndexed() throws Exception {
        Path file = record("LIL-001", T0, MINUTE, "original");
        run();
        String original = indexed("LIL-001").get(0).sha256();
        append(file, " and something added later");

        IngestReport report = run();

        assertThat(report.problems()).containsExactly(java.util.Map.entry(IngestProblem.Kind.CHANGED_SINCE_INDEXED, 1L));
        assertThat(report.samples().get(0).reason()).contains("empreinte enregistrée est conservée");
        assertThat(indexed("LIL-001")).singleElement().extracting(IndexedSegment::sha256).isEqualTo(original);
        assertThat(journalActions()).containsExactly("ARCHIVE_INGEST_RUN", "ARCHIVE_INGEST_RUN");
    }

    @Test
    @DisplayName("two segments of a camera starting at the same second: the first listed is indexed, the other reported")
    void duplicateStart() throws Exception {
        record("LIL-001", T0, Duration.ofSeconds(30), "short");
        record("LIL-001", T0, MINUTE, "long");

        IngestReport report = run();

        assertThat(report.indexed()).isEqualTo(1);
        assertThat(report.problems()).containsExactly(java.util.Map.entry(IngestProblem.Kind.DUPLICATE_START, 1L));
        assertThat(run().problems()).containsExactly(java.util.Map.entry(IngestProblem.Kind.DUPLICATE_START, 1L));
        assertThat(indexed("LIL-001")).hasSize(1);
    }

    @Test
    @DisplayName("a large run commits in bounded batches, each journalled, then one summary event")
    void boundedBatches() throws Exception {
        policy = new IngestPolicy(MINUTE, Duration.ofHours(1), 3, Duration.ofSeconds(30), Duration.ofMinutes(10));
        for (int i = 0; i < 10; i++) {
            record("LIL-002", T0.plus(MINUTE.multipliedBy(i)), MINUTE, "b" + i);
        }

        IngestReport report = run();

        assertThat(report.indexed()).isEqualTo(10);
        assertThat(IndexDatabase.column(db, "select count(distinct indexed_at) from footage_segment")).containsExactly("1");
        assertThat(journalActions()).containsExactly("ARCHIVE_SEGMENTS_INDEXED", "ARCHIVE_SEGMENTS_INDEXED",
                "ARCHIVE_SEGMENTS_INDEXED", "ARCHIVE_INGEST_RUN");
        assertThat(journalDetails().get(0)).contains("\"indexed\":\"3\"",
                "\"firstSegment\":\"LIL-002/20261120/133000-60.mp4\"", "\"lastSegment\":\"LIL-002/20261120/133200-60.mp4\"");
        assertThat(journalDetails().get(3)).contains("\"indexed\":\"10\"");
    }

    @Test
    @DisplayName("one run at a time: a second run while the lease is held is refused; an expired lease is taken over")
    void oneRunAtATime() {
        assertThat(index.claimIngest("other-run", "node-2", clock.instant(), clock.instant().plusSeconds(600))).isTrue();

        assertThatThrownBy(this::run).isInstanceOf(SegmentIngest.BusyException.class).hasMessageContaining("other-run");
        assertThat(index.lastIngest()).isEmpty();

        clock.set(clock.instant().plusSeconds(601));
        IngestReport report = run();

        assertThat(report.outcome()).isEqualTo(IngestReport.Outcome.COMPLETED);
        assertThat(index.runningIngest(clock.instant())).isEmpty();
        assertThat(index.renewIngest("other-run", clock.instant().plusSeconds(600))).isFalse();
    }

    @Test
    @DisplayName("an unreachable archive fails the run with the reason, journalled, and never reads as no footage")
    void unreachableArchive() throws Exception {
        RecordingArchive unmounted = new FilesystemRecordingArchive(temp.resolve("not-mounted"), entry -> { });

        IngestReport report = ingest(unmounted).run("node-1", "system", "system");

        assertThat(report.outcome()).isEqualTo(IngestReport.Outcome.FAILED);
        assertThat(report.failure()).contains("not-mounted").contains("not reachable");
        assertThat(journalActions()).containsExactly("ARCHIVE_INGEST_RUN");
        assertThat(journalDetails().get(0)).contains("\"outcome\":\"FAILED\"", "not reachable");
        assertThat(index.lastIngest()).get().extracting(IngestReport::outcome).isEqualTo(IngestReport.Outcome.FAILED);
        assertThat(index.runningIngest(clock.instant())).isEmpty();
    }

    @Test
    @DisplayName("a run asked by a staff member is journalled under their name")
    void staffRun() throws Exception {
        record("LIL-001", T0, MINUTE, "x");

        ingest(archive).run("node-1", "admin", "admin");

        assertThat(IndexDatabase.column(db, "select actor || '/' || role || '/' || purpose from journal_entry"))
                .containsExactly("admin/admin/" + SegmentIngest.PURPOSE);
    }

    private static void delete(Path file) {
        try {
            Files.delete(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void append(Path file, String text) {
        try {
            Files.writeString(file, text, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The real archive, with something happening to a segment at the moment the ingest opens it. */
    private record OnOpen(RecordingArchive archive, Function<SegmentRef, InputStream> open) implements RecordingArchive {

        @Override
        public SegmentListing segments(Collection<String> cameraIds, Instant from, Instant to) {
            return archive.segments(cameraIds, from, to);
        }

        @Override
        public InputStream open(SegmentRef segment) {
            return open.apply(segment);
        }

        @Override
        public boolean delete(SegmentRef segment) {
            return archive.delete(segment);
        }

        @Override
        public SortedSet<String> cameras() {
            return archive.cameras();
        }
    }

    static final class MutableClock extends Clock {
        private Instant now;

        MutableClock(Instant now) {
            this.now = now;
        }

        void set(Instant instant) {
            now = instant;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
