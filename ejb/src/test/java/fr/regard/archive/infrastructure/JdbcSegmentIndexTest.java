package fr.regard.archive.infrastructure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.regard.archive.domain.HashedSegment;
import fr.regard.archive.domain.IndexedSegment;
import fr.regard.archive.domain.IngestProblem;
import fr.regard.archive.domain.IngestReport;
import fr.regard.archive.domain.SegmentRef;
import fr.regard.archive.domain.SegmentState;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The index's SQL on H2 with the real migrations: window semantics, idempotence, constraints, the report row. */
class JdbcSegmentIndexTest {

    static final Instant T0 = Instant.parse("2026-11-20T13:30:00Z");
    static final String HASH = "a".repeat(64);

    DataSource db;
    JdbcSegmentIndex index;

    @BeforeEach
    void setUp() throws SQLException {
        db = IndexDatabase.fresh("LIL-001", "LIL-002", "LIL-003");
        index = new JdbcSegmentIndex(db);
    }

    static HashedSegment segment(String camera, Instant start, long seconds) {
        return new HashedSegment(new SegmentRef(camera, start, start.plusSeconds(seconds), 100,
                FilesystemRecordingArchive.locationOf(camera, start, Duration.ofSeconds(seconds))), HASH);
    }

    @Test
    @DisplayName("window: half-open overlap like RecordingArchive.segments, ordered by start then camera, across cameras")
    void halfOpenWindow() {
        index.add(List.of(segment("LIL-002", T0, 60), segment("LIL-001", T0, 60),
                segment("LIL-001", T0.plusSeconds(60), 60), segment("LIL-001", T0.minusSeconds(3600), 3600),
                segment("LIL-003", T0, 60)), T0);

        // [T0 + 60, T0 + 120): the segments ending exactly at T0 + 60 are outside
        assertThat(index.overlapping(List.of("LIL-001", "LIL-002"), T0.plusSeconds(60), T0.plusSeconds(120), 100))
                .extracting(IndexedSegment::location).containsExactly("LIL-001/20261120/133100-60.mp4");
        // [T0 - 1, T0 + 1): the hour-long segment ending at T0 overlaps, both cameras at T0 in camera order
        assertThat(index.overlapping(List.of("LIL-002", "LIL-001"), T0.minusSeconds(1), T0.plusSeconds(1), 100))
                .extracting(IndexedSegment::location).containsExactly("LIL-001/20261120/123000-3600.mp4",
                        "LIL-001/20261120/133000-60.mp4", "LIL-002/20261120/133000-60.mp4");
        // a window ending exactly where a segment starts does not contain it; an empty window gives nothing
        assertThat(index.overlapping(List.of("LIL-001"), T0.minusSeconds(10), T0, 100))
                .extracting(IndexedSegment::location).containsExactly("LIL-001/20261120/123000-3600.mp4");
        assertThat(index.overlapping(List.of("LIL-001"), T0, T0, 100)).isEmpty();
        assertThat(index.overlapping(List.of("LIL-009"), T0, T0.plusSeconds(60), 100)).isEmpty();
        assertThat(index.overlapping(List.of("LIL-001", "LIL-002", "LIL-003"), T0, T0.plusSeconds(120), 2))
                .extracting(IndexedSegment::cameraId).containsExactly("LIL-001", "LIL-002");
    }

    @Test
    @DisplayName("adding the same camera and start twice adds nothing; the first row and hash stay")
    void idempotentAdd() throws SQLException {
        assertThat(index.add(List.of(segment("LIL-001", T0, 60)), T0)).isEqualTo(1);
        HashedSegment other = new HashedSegment(segment("LIL-001", T0, 30).segment(), "b".repeat(64));

        assertThat(index.add(List.of(other, segment("LIL-001", T0.plusSeconds(60), 60)), T0.plusSeconds(5))).isEqualTo(1);

        assertThat(index.indexedFrom("LIL-001", T0)).hasSize(2).containsKey(T0);
        assertThat(index.indexedFrom("LIL-001", T0).get(T0)).satisfies(s -> {
            assertThat(s.sha256()).isEqualTo(HASH);
            assertThat(s.end()).isEqualTo(T0.plusSeconds(60));
            assertThat(s.indexedAt()).isEqualTo(T0);
            assertThat(s.state()).isEqualTo(SegmentState.PRESENT);
            assertThat(s.destroyedAt()).isNull();
        });
        assertThat(index.newestStart("LIL-001")).contains(T0.plusSeconds(60));
        assertThat(index.newestStart("LIL-002")).isEmpty();
    }

    @Test
    @DisplayName("the database refuses what the index must never hold: unknown camera, end before start, a bad state")
    void constraints() throws SQLException {
        assertThatThrownBy(() -> index.add(List.of(segment("ZZZ-999", T0, 60)), T0))
                .hasMessageContaining("Segment index: cannot index 1 segment(s)");
        index.add(List.of(segment("LIL-001", T0, 60)), T0);
        try (Connection c = db.getConnection(); var s = c.createStatement()) {
            assertThatThrownBy(() -> s.executeUpdate("update footage_segment set state = 'DESTROYED'"))
                    .as("destroyed without a time").isInstanceOf(SQLException.class);
            assertThatThrownBy(() -> s.executeUpdate("update footage_segment set end_at = start_at"))
                    .isInstanceOf(SQLException.class);
            // a destroyed segment names its purge batch (V23: a real batch, foreign key)
            s.executeUpdate("insert into purge_batch (id, status, trigger_kind, triggered_by, started_at, "
                    + "policy_retention_days, finished_at, merkle_root) values (7, 'COMPLETED', 'SCHEDULE', 'system', "
                    + "current_timestamp, 14, current_timestamp, '" + "0".repeat(64) + "')");
            assertThat(s.executeUpdate("update footage_segment set state = 'DESTROYED', destroyed_at = end_at, "
                    + "purge_batch_id = 7")).isEqualTo(1);
        }
        assertThat(index.overlapping(List.of("LIL-001"), T0, T0.plusSeconds(1), 10)).singleElement().satisfies(s -> {
            assertThat(s.state()).isEqualTo(SegmentState.DESTROYED);
            assertThat(s.destroyedAt()).isEqualTo(T0.plusSeconds(60));
        });
    }

    @Test
    @DisplayName("the last report survives in the database, counts and problem samples included")
    void reportRoundTrip() {
        assertThat(index.lastIngest()).isEmpty();
        assertThat(index.claimIngest("run-1", "node-1", T0, T0.plusSeconds(600))).isTrue();
        assertThat(index.claimIngest("run-2", "node-2", T0.plusSeconds(1), T0.plusSeconds(601))).isFalse();
        assertThat(index.runningIngest(T0.plusSeconds(10))).contains("run-1");
        IngestReport report = new IngestReport("run-1", "node-1", T0, T0.plusSeconds(3), IngestReport.Outcome.COMPLETED,
                null, 3, 10, 7, 2, 1, 12_345, Map.of(IngestProblem.Kind.VANISHED, 1L, IngestProblem.Kind.SKIPPED_ENTRY, 2L),
                List.of(new IngestProblem(IngestProblem.Kind.SKIPPED_ENTRY, "LIL-001/20261120/notes.txt",
                                "unexpected name\twith a tab"),
                        new IngestProblem(IngestProblem.Kind.VANISHED, "LIL-001/20261120/133000-60.mp4", "disparu")));

        index.finishIngest(report);

        IngestReport stored = index.lastIngest().orElseThrow();
        assertThat(stored).usingRecursiveComparison().ignoringFields("samples").isEqualTo(report);
        assertThat(stored.samples()).extracting(IngestProblem::reason).containsExactly("unexpected name with a tab", "disparu");
        assertThat(index.runningIngest(T0.plusSeconds(10))).isEmpty();
        assertThat(index.claimIngest("run-2", "node-2", T0.plusSeconds(11), T0.plusSeconds(611))).isTrue();
    }
}
