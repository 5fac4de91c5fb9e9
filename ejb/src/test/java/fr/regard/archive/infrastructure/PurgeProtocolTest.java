package fr.regard.archive.infrastructure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.regard.archive.domain.FootageRetention;
import fr.regard.archive.domain.PurgeStatus;
import fr.regard.archive.domain.PurgeTrigger;
import fr.regard.archive.domain.RecordingArchive;
import fr.regard.archive.infrastructure.PurgeFixture.Planned;
import fr.regard.archive.infrastructure.PurgeFixture.SegmentRow;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The crash-safe purge protocol on a real H2 database (the application's migrations) and a real filesystem archive:
 * what is destroyed and what is kept, holds that arrive while a chunk is being destroyed, resumption after a crash,
 * takeover of an abandoned batch, refusals of the archive, and the batch record (totals, per camera, Merkle root,
 * journal events).
 */
class PurgeProtocolTest {

    private static final FootageRetention POLICY = new FootageRetention(14);

    @TempDir
    Path folder;

    private PurgeFixture fx;
    private final AtomicLong nowMillis = new AtomicLong(Instant.now().truncatedTo(ChronoUnit.SECONDS).toEpochMilli());
    private final Clock clock = new Clock() {
        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return Instant.ofEpochMilli(nowMillis.get());
        }
    };

    @BeforeEach
    void setUp() throws Exception {
        fx = PurgeFixture.create(folder, false);
        fx.cameras(2, 14);
        fx.camera("LIL-003", 7);
    }

    private Instant now() {
        return clock.instant();
    }

    private List<Long> minutes(String camera, Instant from, int count) throws Exception {
        List<Planned> planned = new ArrayList<>();
        Instant start = from.truncatedTo(ChronoUnit.MINUTES);
        for (int i = 0; i < count; i++) {
            planned.add(new Planned(camera, start.plusSeconds(60L * i), 60));
        }
        return fx.segments(planned);
    }

    @Test
    @DisplayName("destroys every expired segment no hold covers, per camera retention; keeps fresh and held footage")
    void destroysExpiredUnheldOnly() throws Exception {
        Instant old = now().minus(Duration.ofDays(20));
        List<Long> expired = new ArrayList<>();
        expired.addAll(minutes("LIL-001", old, 10));
        List<Long> lil2 = minutes("LIL-002", old, 10);
        fx.hold("LIL-002", old.truncatedTo(ChronoUnit.MINUTES).plusSeconds(120),
                old.truncatedTo(ChronoUnit.MINUTES).plusSeconds(270)); // covers minutes 2, 3 and 4
        List<Long> held = lil2.subList(2, 5);
        expired.addAll(lil2.subList(0, 2));
        expired.addAll(lil2.subList(5, 10));
        Instant tenDaysAgo = now().minus(Duration.ofDays(10));
        List<Long> withinPolicy = minutes("LIL-001", tenDaysAgo, 5); // 14-day camera: kept
        expired.addAll(minutes("LIL-003", tenDaysAgo, 5)); // 7-day authorisation: destroyed
        List<Long> fresh = minutes("LIL-003", now().minus(Duration.ofHours(2)), 5);

        PurgeProtocol.Closed closed = fx.protocol(clock, PurgeFixture.settings(4))
                .run(PurgeTrigger.SCHEDULE, "system", "test-run", POLICY);

        Map<Long, SegmentRow> rows = fx.rows();
        assertThat(rows.values().stream().filter(r -> "DESTROYED".equals(r.state())).map(SegmentRow::id))
                .containsExactlyInAnyOrderElementsOf(expired);
        List<Long> kept = new ArrayList<>(held);
        kept.addAll(withinPolicy);
        kept.addAll(fresh);
        assertThat(kept).allSatisfy(id -> {
            assertThat(rows.get(id).state()).isEqualTo("PRESENT");
            assertThat(rows.get(id).batchId()).isNull();
            assertThat(fx.fileExists(rows.get(id))).as("file of kept segment %d", id).isTrue();
        });
        assertThat(expired).allSatisfy(id -> assertThat(fx.fileExists(rows.get(id))).isFalse());

        assertThat(closed.status()).isEqualTo(PurgeStatus.COMPLETED);
        assertThat(closed.segments()).isEqualTo(22);
        long bytes = expired.stream().mapToLong(id -> rows.get(id).size()).sum();
        assertThat(closed.bytes()).isEqualTo(bytes);
        assertThat(closed.merkleRoot()).isEqualTo(fx.auditorRoot(closed.batchId())).hasSize(64);
        assertThat(fx.query("select camera_id, retention_days, segments from purge_batch_camera where batch_id = ? "
                + "order by camera_id", closed.batchId()))
                .containsExactly(List.of("LIL-001", 14, 10L), List.of("LIL-002", 14, 7L), List.of("LIL-003", 7, 5L));
        assertThat(fx.query("select status, segments, bytes, merkle_root, running_guard, lease_owner from purge_batch "
                + "where id = ?", closed.batchId()))
                .containsExactly(java.util.Arrays.asList("COMPLETED", 22L, bytes, closed.merkleRoot(), null, null));
        assertThat(fx.query("select action, details_json from journal_entry order by id"))
                .extracting(r -> r.get(0)).containsExactly("FOOTAGE_PURGE_STARTED", "FOOTAGE_PURGE_COMPLETED");
        assertThat((String) fx.single("select details_json from journal_entry where action = 'FOOTAGE_PURGE_COMPLETED'"))
                .contains("\"merkleRoot\":\"" + closed.merkleRoot() + "\"").contains("\"segments\":\"22\"");
    }

    @Test
    @DisplayName("a released hold lets the next run destroy what it kept; nothing is destroyed twice")
    void nextRunAfterRelease() throws Exception {
        Instant old = now().minus(Duration.ofDays(20));
        List<Long> ids = minutes("LIL-001", old, 6);
        long hold = fx.hold("LIL-001", old.minusSeconds(3600), old.plusSeconds(3600));
        PurgeProtocol protocol = fx.protocol(clock, PurgeFixture.settings(100));
        assertThat(protocol.run(PurgeTrigger.SCHEDULE, "system", "run-1", POLICY).segments()).isZero();
        fx.releaseHold(hold);
        PurgeProtocol.Closed second = protocol.run(PurgeTrigger.ADMIN, "admin1", "run-2", POLICY);
        assertThat(second.segments()).isEqualTo(6);
        PurgeProtocol.Closed third = protocol.run(PurgeTrigger.SCHEDULE, "system", "run-3", POLICY);
        assertThat(third.segments()).isZero();
        assertThat(third.merkleRoot()).isEqualTo("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
        assertThat(fx.rows().values()).allSatisfy(r -> assertThat(r.batchId()).isEqualTo(second.batchId()));
        assertThat(ids).hasSize(6);
    }

    @Test
    @DisplayName("a hold committed while a chunk is claimed wins: the purge waits for the camera lock, checks again")
    void holdPlacedDuringTheChunkWins() throws Exception {
        Instant old = now().minus(Duration.ofDays(20));
        List<Long> ids = minutes("LIL-001", old, 5);
        PurgeProtocol protocol = fx.protocol(clock, PurgeFixture.settings(100));
        long batch = protocol.open(PurgeTrigger.SCHEDULE, "system", "system", "run-1", POLICY).batchId();
        // (a) done: the chunk is claimed, as the first transaction leaves it
        fx.update("update footage_segment set state = 'DESTROYING', purge_batch_id = ?", batch);
        // a hold placement holds the camera lock and has not committed yet when the purge reaches (b)
        CountDownLatch locked = new CountDownLatch(1);
        CompletableFuture<Void> placement = CompletableFuture.runAsync(() -> {
            try (Connection c = fx.dataSource.getConnection()) {
                c.setAutoCommit(false);
                CameraLocks.lock(c, new TreeSet<>(List.of("LIL-001")));
                locked.countDown();
                try (var insert = c.prepareStatement("insert into footage_hold (id, placement_id, kind, "
                        + "requisition_reference, camera_id, window_start, window_end, reason, placed_at, placed_by, "
                        + "limit_at) values (99, 99, 'JUDICIAL', 'PV 1', 'LIL-001', ?, ?, 'Réquisition', ?, 'dpo1', ?)")) {
                    insert.setObject(1, PurgeFixture.at(old.minusSeconds(60)));
                    insert.setObject(2, PurgeFixture.at(old.plusSeconds(3600)));
                    insert.setObject(3, PurgeFixture.at(now()));
                    insert.setObject(4, PurgeFixture.at(now().plus(Duration.ofDays(30))));
                    insert.executeUpdate();
                }
                Thread.sleep(700);
                c.commit();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        assertThat(locked.await(10, TimeUnit.SECONDS)).isTrue();
        long started = System.nanoTime();
        PurgeProtocol.Slice slice = protocol.destroy(batch, "run-1");
        placement.get(10, TimeUnit.SECONDS);

        assertThat(Duration.ofNanos(System.nanoTime() - started)).as("waited for the hold's commit")
                .isGreaterThan(Duration.ofMillis(300));
        assertThat(slice.destroyed()).isZero();
        assertThat(slice.kept()).isEqualTo(5);
        assertThat(fx.rows().values()).allSatisfy(r -> {
            assertThat(r.state()).isEqualTo("PRESENT");
            assertThat(fx.fileExists(r)).isTrue();
        });
        assertThat(protocol.close(batch, "run-1").segments()).isZero();
        assertThat(ids).hasSize(5);
    }

    @Test
    @DisplayName("after a crash mid-chunk, DESTROYING rows are finished: absent file DESTROYED, present file deleted")
    void resumesACrashedChunk() throws Exception {
        Instant old = now().minus(Duration.ofDays(20));
        minutes("LIL-001", old, 30);
        RecordingArchive crashing = crashingAt(7);
        PurgeProtocol first = new PurgeProtocol(new PlainTransactions(fx.dataSource), crashing,
                PurgeFixture.plainJournal(clock), clock, PurgeFixture.settings(10));
        long batch = first.open(PurgeTrigger.SCHEDULE, "system", "system", "run-1", POLICY).batchId();
        assertThatThrownBy(() -> first.destroy(batch, "run-1")).hasMessageContaining("simulated crash");

        // the invariant at the crash: a missing file always has its DESTROYING or DESTROYED row
        Map<Long, SegmentRow> atCrash = fx.rows();
        assertThat(atCrash.values()).allSatisfy(r -> {
            if (!fx.fileExists(r)) {
                assertThat(r.state()).isIn("DESTROYING", "DESTROYED");
            }
            if ("DESTROYED".equals(r.state())) {
                assertThat(fx.fileExists(r)).isFalse();
            }
        });
        assertThat(atCrash.values().stream().filter(r -> "DESTROYING".equals(r.state()) && !fx.fileExists(r)))
                .as("files deleted by the crashed chunk, not yet confirmed").isNotEmpty();

        PurgeProtocol resumed = fx.protocol(clock, PurgeFixture.settings(10));
        PurgeProtocol.Slice slice = resumed.destroy(batch, "run-1");
        assertThat(slice.progress()).isEqualTo(PurgeProtocol.Progress.DONE);
        assertThat(slice.notDestroyed()).isZero();
        PurgeProtocol.Closed closed = resumed.close(batch, "run-1");
        assertThat(closed.segments()).isEqualTo(30);
        assertThat(fx.rows().values()).allSatisfy(r -> {
            assertThat(r.state()).isEqualTo("DESTROYED");
            assertThat(fx.fileExists(r)).isFalse();
        });
        assertThat(closed.merkleRoot()).isEqualTo(fx.auditorRoot(batch));
    }

    @Test
    @DisplayName("one batch at a time; an abandoned batch is taken over once its lease ran out, and closed FAILED")
    void takeover() throws Exception {
        Instant old = now().minus(Duration.ofDays(20));
        minutes("LIL-001", old, 25);
        minutes("LIL-002", old, 25);
        RecordingArchive crashing = crashingAt(13);
        PurgeProtocol first = new PurgeProtocol(new PlainTransactions(fx.dataSource), crashing,
                PurgeFixture.plainJournal(clock), clock, PurgeFixture.settings(10));
        long abandoned = first.open(PurgeTrigger.SCHEDULE, "system", "system", "node-a", POLICY).batchId();
        assertThatThrownBy(() -> first.destroy(abandoned, "node-a")).hasMessageContaining("simulated crash");

        PurgeProtocol other = fx.protocol(clock, PurgeFixture.settings(10));
        PurgeProtocol.Opening refused = other.open(PurgeTrigger.ADMIN, "admin1", "admin", "node-b", POLICY);
        assertThat(refused.opened()).isFalse();
        assertThat(refused.runningBatchId()).isEqualTo(abandoned);
        assertThatThrownBy(() -> fx.update("insert into purge_batch (status, running_guard, trigger_kind, "
                + "triggered_by, started_at, policy_retention_days, lease_owner, lease_until) values ('RUNNING', 1, "
                + "'ADMIN', 'x', current_timestamp, 14, 'x', current_timestamp)"))
                .hasMessageContaining("UK_PURGE_BATCH_RUNNING");

        nowMillis.addAndGet(Duration.ofMinutes(16).toMillis());
        PurgeProtocol.Opening opening = other.open(PurgeTrigger.SCHEDULE, "system", "system", "node-b", POLICY);
        assertThat(opening.takenOverBatchId()).isEqualTo(abandoned);
        long batch = opening.batchId();
        assertThat(fx.query("select status, resumed_by, segments from purge_batch where id = ?", abandoned))
                .containsExactly(List.of("FAILED", batch, 10L));
        assertThat(first.destroy(abandoned, "node-a").progress()).isEqualTo(PurgeProtocol.Progress.LOST);
        assertThat(first.close(abandoned, "node-a")).isNull();

        PurgeProtocol.Slice slice = other.destroy(batch, "node-b");
        PurgeProtocol.Closed closed = other.close(batch, "node-b");
        assertThat(slice.notDestroyed()).isZero();
        assertThat(closed.segments()).isEqualTo(40);
        Map<Long, SegmentRow> rows = fx.rows();
        assertThat(rows.values()).allSatisfy(r -> {
            assertThat(r.state()).isEqualTo("DESTROYED");
            assertThat(fx.fileExists(r)).isFalse();
        });
        assertThat(rows.values().stream().filter(r -> r.batchId() == abandoned)).hasSize(10);
        assertThat(fx.single("select merkle_root from purge_batch where id = ?", abandoned))
                .isEqualTo(fx.auditorRoot(abandoned));
        assertThat(closed.merkleRoot()).isEqualTo(fx.auditorRoot(batch));
        assertThat(fx.query("select action from journal_entry order by id")).extracting(r -> r.get(0))
                .containsExactly("FOOTAGE_PURGE_STARTED", "FOOTAGE_PURGE_STARTED", "FOOTAGE_PURGE_FAILED",
                        "FOOTAGE_PURGE_COMPLETED");
    }

    @Test
    @DisplayName("a segment the archive refuses (replaced, other size) stays PRESENT with its file; the error is kept")
    void refusalIsReportedNotHidden() throws Exception {
        Instant old = now().minus(Duration.ofDays(20));
        List<Long> ids = minutes("LIL-001", old, 4);
        SegmentRow replaced = fx.rows().get(ids.get(1));
        Files.write(fx.root.resolve(replaced.location()), new byte[] {0, 0, 0, 8, 'f', 't', 'y', 'p', 1, 2, 3});
        PurgeProtocol protocol = fx.protocol(clock, PurgeFixture.settings(10));
        long batch = protocol.open(PurgeTrigger.SCHEDULE, "system", "system", "run-1", POLICY).batchId();

        PurgeProtocol.Slice slice = protocol.destroy(batch, "run-1");

        assertThat(slice.destroyed()).isEqualTo(3);
        assertThat(slice.notDestroyed()).isEqualTo(1);
        assertThat(slice.lastError()).startsWith("Segment non détruit (LIL-001");
        SegmentRow after = fx.rows().get(replaced.id());
        assertThat(after.state()).isEqualTo("PRESENT");
        assertThat(after.batchId()).isNull();
        assertThat(fx.fileExists(after)).isTrue();
        assertThat((String) fx.single("select last_error from purge_batch where id = ?", batch))
                .isEqualTo(slice.lastError());
        assertThat(fx.query("select action from journal_entry order by id")).extracting(r -> r.get(0))
                .containsExactly("FOOTAGE_PURGE_STARTED", "FOOTAGE_PURGE_ERROR");
    }

    /** The filesystem archive, until the n-th deletion, which kills the run as a crash would (after deleting). */
    private RecordingArchive crashingAt(int n) {
        return new CountingArchive(fx.archive, count -> {
            if (count == n) {
                throw new IllegalStateException("simulated crash after deletion " + n);
            }
        });
    }

    @Test
    @DisplayName("the same owner opening again (a retried job) gets its running batch back")
    void reopenIsIdempotent() {
        PurgeProtocol protocol = fx.protocol(clock, PurgeFixture.settings(10));
        long batch = protocol.open(PurgeTrigger.SCHEDULE, "system", "system", "run-1", POLICY).batchId();
        assertThat(protocol.open(PurgeTrigger.SCHEDULE, "system", "system", "run-1", POLICY).batchId())
                .isEqualTo(batch);
    }
}
