package fr.regard.archive.infrastructure;

import static org.assertj.core.api.Assertions.assertThat;

import fr.regard.archive.domain.FootageRetention;
import fr.regard.archive.domain.PurgeTrigger;
import fr.regard.archive.infrastructure.PurgeFixture.Planned;
import fr.regard.archive.infrastructure.PurgeFixture.SegmentRow;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Issue 5 point 7: a purge killed mid-way ({@code kill -9}) resumes with no segment deleted without a record and no
 * record for a segment still present. The purge runs in a child JVM ({@link PurgeChild}, same classes, H2 file
 * database, real files), slowed by a pause after each deletion so that the kill lands inside a chunk; it is killed
 * with SIGKILL once a given number of files are gone, then resumed here — by the same runner (a retried job) or by
 * the next run after the lease ran out (a takeover) — and the invariant is checked on every segment, at the crash
 * and after the resumption, with batch totals and Merkle roots recomputed from the records.
 */
class PurgeKillTest {

    private static final int CAMERAS = 10;
    private static final int PER_CAMERA = 500;
    private static final int CHUNK = 200;

    @TempDir
    Path folder;

    @ParameterizedTest(name = "killed after {0} deletions, resumed by {1}")
    @CsvSource({"150, SAME_RUNNER", "1234, TAKEOVER", "3100, SAME_RUNNER"})
    @DisplayName("kill -9 mid-purge, then resume: file present <=> not DESTROYED, every missing file recorded")
    void killAndResume(int killAfter, String resumeBy) throws Exception {
        PurgeFixture fx = PurgeFixture.create(folder, true);
        fx.cameras(CAMERAS, 14);
        Instant now = Instant.now();
        Instant old = now.minus(Duration.ofDays(20)).truncatedTo(ChronoUnit.MINUTES);
        List<Planned> planned = new ArrayList<>();
        for (int c = 1; c <= CAMERAS; c++) {
            for (int m = 0; m < PER_CAMERA; m++) {
                planned.add(new Planned("LIL-%03d".formatted(c), old.plusSeconds(60L * m), 60));
            }
            planned.add(new Planned("LIL-%03d".formatted(c), now.truncatedTo(ChronoUnit.MINUTES).minusSeconds(3600), 60));
        }
        List<Long> ids = fx.segments(planned);
        fx.hold("LIL-002", old.plusSeconds(60L * 100), old.plusSeconds(60L * 120)); // 20 expired segments kept
        long files = fx.filesOnDisk();
        assertThat(files).isEqualTo(CAMERAS * (PER_CAMERA + 1));

        Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), PurgeChild.class.getName(), fx.url,
                fx.root.toString(), String.valueOf(CHUNK), "500", "child-runner")
                .redirectErrorStream(true).start();
        List<String> output = new ArrayList<>();
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(child.getInputStream(),
                StandardCharsets.UTF_8))) {
            String line;
            while ((line = lines.readLine()) != null && !line.equals("deleted " + killAfter)) {
                output.add(line);
            }
            assertThat(line).as("child reached the kill point: " + output).isNotNull();
            child.destroyForcibly();
        }
        child.destroyForcibly();
        assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(child.exitValue()).as("killed by SIGKILL (128 + 9)").isEqualTo(137);

        Map<Long, SegmentRow> atCrash = fx.rows();
        long gone = atCrash.values().stream().filter(r -> !fx.fileExists(r)).count();
        assertThat(gone).as("files deleted before the kill").isBetween((long) killAfter, killAfter + 50L);
        assertCrashInvariant(fx, atCrash);
        long crashedBatch = (Long) fx.single("select id from purge_batch where status = 'RUNNING'");
        assertTotalsMatchRecords(fx, crashedBatch);

        if ("SAME_RUNNER".equals(resumeBy)) {
            PurgeProtocol protocol = fx.protocol(Clock.systemUTC(), PurgeFixture.settings(CHUNK));
            PurgeProtocol.Slice slice;
            do {
                slice = protocol.destroy(crashedBatch, "child-runner");
            } while (slice.progress() == PurgeProtocol.Progress.MORE);
            assertThat(slice.notDestroyed()).isZero();
            assertThat(protocol.close(crashedBatch, "child-runner").segments()).isEqualTo(CAMERAS * PER_CAMERA - 20);
        } else {
            Clock later = Clock.offset(Clock.systemUTC(), Duration.ofMinutes(16));
            PurgeProtocol.Closed closed = fx.protocol(later, PurgeFixture.settings(CHUNK))
                    .run(PurgeTrigger.CATCH_UP, "system", "next-run", new FootageRetention(14));
            assertThat(closed).isNotNull();
            assertThat(fx.query("select status, resumed_by from purge_batch where id = ?", crashedBatch))
                    .containsExactly(List.of("FAILED", closed.batchId()));
        }

        Map<Long, SegmentRow> after = fx.rows();
        Set<Long> held = new TreeSet<>();
        for (SegmentRow r : after.values()) {
            boolean expired = r.end().isBefore(now.minus(Duration.ofDays(14)));
            boolean isHeld = "LIL-002".equals(r.camera()) && !r.start().isBefore(old.plusSeconds(6000))
                    && r.start().isBefore(old.plusSeconds(7200));
            if (isHeld) {
                held.add(r.id());
            }
            boolean destroyed = expired && !isHeld;
            assertThat(r.state()).as("segment %d", r.id()).isEqualTo(destroyed ? "DESTROYED" : "PRESENT");
            assertThat(fx.fileExists(r)).as("file of segment %d", r.id()).isEqualTo(!destroyed);
        }
        assertThat(held).hasSize(20);
        assertThat(fx.filesOnDisk()).isEqualTo(CAMERAS + 20);
        for (List<Object> batch : fx.query("select id, status from purge_batch order by id")) {
            long id = (Long) batch.get(0);
            assertThat(batch.get(1)).isIn("COMPLETED", "FAILED");
            assertTotalsMatchRecords(fx, id);
            assertThat(fx.single("select merkle_root from purge_batch where id = ?", id))
                    .as("stored root of batch %d", id).isEqualTo(fx.auditorRoot(id));
            assertThat(fx.query("select details_json from journal_entry where action in ('FOOTAGE_PURGE_COMPLETED', "
                    + "'FOOTAGE_PURGE_FAILED') and object_json like ?", "%\"" + id + "\"%"))
                    .singleElement().satisfies(r -> assertThat((String) r.get(0))
                            .contains("\"merkleRoot\":\"" + fx.auditorRoot(id) + "\""));
        }
        assertThat(ids).hasSize(CAMERAS * (PER_CAMERA + 1));
    }

    /** At the crash: a missing file always has its record; no record says DESTROYED for a file still there. */
    private static void assertCrashInvariant(PurgeFixture fx, Map<Long, SegmentRow> rows) {
        long destroying = 0;
        for (SegmentRow r : rows.values()) {
            boolean present = fx.fileExists(r);
            if (!present) {
                assertThat(r.state()).as("missing file of segment %d has a record", r.id())
                        .isIn("DESTROYING", "DESTROYED");
                assertThat(r.batchId()).isNotNull();
            }
            if ("DESTROYED".equals(r.state())) {
                assertThat(present).as("DESTROYED segment %d has no file", r.id()).isFalse();
            }
            destroying += "DESTROYING".equals(r.state()) ? 1 : 0;
        }
        assertThat(destroying).as("the kill left a chunk in DESTROYING").isBetween(1L, (long) CHUNK);
    }

    /** The batch's totals and per-camera rows equal what its DESTROYED records add up to. */
    private static void assertTotalsMatchRecords(PurgeFixture fx, long batchId) throws Exception {
        List<Long> recount = longs(fx.query("select count(*), coalesce(sum(size_bytes), 0) from footage_segment "
                + "where purge_batch_id = ? and state = 'DESTROYED'", batchId).get(0));
        List<Long> stored = longs(fx.query("select segments, bytes from purge_batch where id = ?", batchId).get(0));
        assertThat(stored).as("totals of batch %d", batchId).isEqualTo(recount);
        if (!"RUNNING".equals(fx.single("select status from purge_batch where id = ?", batchId))) {
            assertThat(fx.query("select camera_id, segments, bytes from purge_batch_camera where batch_id = ? "
                    + "and segments > 0 order by camera_id", batchId).stream().map(PurgeKillTest::text).toList())
                    .isEqualTo(fx.query("select camera_id, count(*), sum(size_bytes) from footage_segment "
                            + "where purge_batch_id = ? and state = 'DESTROYED' group by camera_id order by camera_id",
                            batchId).stream().map(PurgeKillTest::text).toList());
        }
    }

    private static List<Long> longs(List<Object> row) {
        return row.stream().map(v -> ((Number) v).longValue()).toList();
    }

    private static String text(List<Object> row) {
        return row.get(0) + " " + ((Number) row.get(1)).longValue() + " " + ((Number) row.get(2)).longValue();
    }
}
