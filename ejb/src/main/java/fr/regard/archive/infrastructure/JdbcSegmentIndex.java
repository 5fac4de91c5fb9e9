package fr.regard.archive.infrastructure;

import fr.regard.archive.domain.HashedSegment;
import fr.regard.archive.domain.IndexedSegment;
import fr.regard.archive.domain.IngestProblem;
import fr.regard.archive.domain.IngestReport;
import fr.regard.archive.domain.SegmentIndex;
import fr.regard.archive.domain.SegmentRef;
import fr.regard.archive.domain.SegmentState;
import fr.regard.platform.infrastructure.RowLease;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import javax.sql.DataSource;

/**
 * The segment index in the relational database (tables {@code footage_segment} and {@code archive_ingest_state},
 * migration V21), in plain JDBC on the caller's transaction: the ingest inserts thousands of rows per second in JDBC
 * batches, and the window query is one index range scan per camera on {@code (camera_id, start_at)}.
 *
 * <p>Insertion is idempotent in SQL ({@code insert … select … where not exists}), so that even a second run that
 * slipped past the lease could not index a segment twice (the unique key would refuse it anyway).
 */
@ApplicationScoped
public class JdbcSegmentIndex implements SegmentIndex {


    private static final String COLUMNS = "id, camera_id, start_at, end_at, size_bytes, sha256, location, indexed_at, "
            + "state, destroyed_at";
    private static final String INSERT = "insert into footage_segment "
            + "(camera_id, start_at, end_at, size_bytes, sha256, location, indexed_at, state) "
            + "select cast(? as varchar(16)), cast(? as timestamp with time zone), cast(? as timestamp with time zone), "
            + "cast(? as bigint), cast(? as char(64)), cast(? as varchar(300)), cast(? as timestamp with time zone), "
            + "'PRESENT' where not exists (select 1 from footage_segment where camera_id = ? "
            + "and start_at = cast(? as timestamp with time zone))";
    private static final int MAX_SAMPLES_CHARS = 16_000;

    @Resource(lookup = "java:jboss/datasources/RegardDS")
    DataSource dataSource;

    /** For CDI. */
    protected JdbcSegmentIndex() {
    }

    /** On a given data source (tests, tools). */
    public JdbcSegmentIndex(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Override
    public Optional<Instant> newestStart(String cameraId) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("select max(start_at) from footage_segment where camera_id = ?")) {
            s.setString(1, cameraId);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return Optional.ofNullable(instant(rs, 1));
            }
        } catch (SQLException e) {
            throw failure("read the newest segment of " + cameraId, e);
        }
    }

    @Override
    public Map<Instant, IndexedSegment> indexedFrom(String cameraId, Instant fromStart) {
        Map<Instant, IndexedSegment> found = new LinkedHashMap<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement("select " + COLUMNS
                + " from footage_segment where camera_id = ? and start_at >= ? order by start_at")) {
            s.setString(1, cameraId);
            s.setObject(2, utc(fromStart));
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    IndexedSegment segment = segment(rs);
                    found.put(segment.start(), segment);
                }
            }
            return found;
        } catch (SQLException e) {
            throw failure("read the indexed segments of " + cameraId, e);
        }
    }

    @Override
    public int add(Collection<HashedSegment> segments, Instant indexedAt) {
        if (segments.isEmpty()) {
            return 0;
        }
        try (Connection c = dataSource.getConnection(); PreparedStatement insert = c.prepareStatement(INSERT)) {
            for (HashedSegment hashed : segments) {
                SegmentRef s = hashed.segment();
                if (s.duration().getSeconds() > LONGEST_SEGMENT_SECONDS) {
                    throw new IllegalArgumentException("The index holds segments of at most " + LONGEST_SEGMENT_SECONDS
                            + " s: " + s.location());
                }
                insert.setString(1, s.cameraId());
                insert.setObject(2, utc(s.start()));
                insert.setObject(3, utc(s.end()));
                insert.setLong(4, s.size());
                insert.setString(5, hashed.sha256());
                insert.setString(6, s.location());
                insert.setObject(7, utc(indexedAt));
                insert.setString(8, s.cameraId());
                insert.setObject(9, utc(s.start()));
                insert.addBatch();
            }
            int added = 0;
            for (int count : insert.executeBatch()) {
                // SUCCESS_NO_INFO (-2) is not returned by H2 nor PostgreSQL for this statement
                added += Math.max(count, 0);
            }
            return added;
        } catch (SQLException e) {
            throw failure("index " + segments.size() + " segment(s)", e);
        }
    }

    @Override
    public List<IndexedSegment> overlapping(Collection<String> cameraIds, Instant from, Instant to, int limit) {
        List<IndexedSegment> found = new ArrayList<>();
        if (!to.isAfter(from) || limit < 1) {
            return found;
        }
        // one range scan of (camera_id, start_at) per camera: both databases use the unique index for it
        String sql = "select " + COLUMNS + " from footage_segment where camera_id = ? and start_at > ? and start_at < ? "
                + "and end_at > ? order by start_at, location fetch first ? rows only";
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            for (String camera : new TreeSet<>(cameraIds)) {
                s.setString(1, camera);
                s.setObject(2, utc(from.minusSeconds(LONGEST_SEGMENT_SECONDS + 1)));
                s.setObject(3, utc(to));
                s.setObject(4, utc(from));
                s.setInt(5, limit);
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        found.add(segment(rs));
                    }
                }
            }
        } catch (SQLException e) {
            throw failure("query the segments of " + cameraIds, e);
        }
        found.sort(java.util.Comparator.comparing(IndexedSegment::start).thenComparing(IndexedSegment::cameraId)
                .thenComparing(IndexedSegment::location));
        return found.size() > limit ? List.copyOf(found.subList(0, limit)) : found;
    }

    @Override
    public boolean claimIngest(String runId, String node, Instant now, Instant until) {
        return lease().claim(runId, node, now, until);
    }

    @Override
    public boolean renewIngest(String runId, Instant until) {
        return lease().renew(runId, until);
    }

    @Override
    public void finishIngest(IngestReport r) {
        update("store the ingest report", "update archive_ingest_state set last_run_id = ?, last_node = ?, "
                        + "last_started_at = ?, last_finished_at = ?, last_outcome = ?, last_failure = ?, last_cameras = ?, "
                        + "last_listed = ?, last_indexed = ?, last_already_indexed = ?, last_not_settled = ?, "
                        + "last_bytes_hashed = ?, last_problem_counts = ?, last_problem_samples = ? where id = 1",
                r.runId(), r.node(), utc(r.startedAt()), utc(r.finishedAt()), r.outcome().name(),
                r.failure() == null ? null : abbreviate(r.failure(), 1000), r.cameras(), r.listed(), r.indexed(),
                r.alreadyIndexed(), r.notSettled(), r.bytesHashed(), counts(r.problems()), samples(r.samples()));
        lease().release(r.runId());
    }

    @Override
    public Optional<String> runningIngest(Instant now) {
        return lease().holder(now);
    }

    private RowLease lease() {
        return new RowLease(dataSource, "archive_ingest_state");
    }

    @Override
    public Optional<IngestReport> lastIngest() {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(
                "select last_run_id, last_node, last_started_at, last_finished_at, last_outcome, last_failure, "
                        + "last_cameras, last_listed, last_indexed, last_already_indexed, last_not_settled, "
                        + "last_bytes_hashed, last_problem_counts, last_problem_samples from archive_ingest_state "
                        + "where id = 1 and last_run_id is not null");
             ResultSet rs = s.executeQuery()) {
            if (!rs.next()) {
                return Optional.empty();
            }
            return Optional.of(new IngestReport(rs.getString(1), rs.getString(2), instant(rs, 3), instant(rs, 4),
                    IngestReport.Outcome.valueOf(rs.getString(5)), rs.getString(6), rs.getInt(7), rs.getLong(8),
                    rs.getLong(9), rs.getLong(10), rs.getLong(11), rs.getLong(12), counts(rs.getString(13)),
                    samples(rs.getString(14))));
        } catch (SQLException e) {
            throw failure("read the last ingest report", e);
        }
    }

    private int update(String what, String sql, Object... parameters) {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                if (parameters[i] == null) {
                    s.setNull(i + 1, Types.VARCHAR);
                } else {
                    s.setObject(i + 1, parameters[i]);
                }
            }
            return s.executeUpdate();
        } catch (SQLException e) {
            throw failure(what, e);
        }
    }

    private static IndexedSegment segment(ResultSet rs) throws SQLException {
        return new IndexedSegment(rs.getLong(1), rs.getString(2), instant(rs, 3), instant(rs, 4), rs.getLong(5),
                rs.getString(6), rs.getString(7), instant(rs, 8), SegmentState.valueOf(rs.getString(9)),
                instant(rs, 10));
    }

    static String counts(Map<IngestProblem.Kind, Long> counts) {
        StringBuilder text = new StringBuilder();
        counts.forEach((kind, count) -> text.append(text.length() == 0 ? "" : ";").append(kind).append('=').append(count));
        return text.toString();
    }

    static Map<IngestProblem.Kind, Long> counts(String text) {
        Map<IngestProblem.Kind, Long> counts = new EnumMap<>(IngestProblem.Kind.class);
        if (text != null && !text.isBlank()) {
            for (String pair : text.split(";")) {
                int eq = pair.indexOf('=');
                counts.put(IngestProblem.Kind.valueOf(pair.substring(0, eq)), Long.parseLong(pair.substring(eq + 1)));
            }
        }
        return counts;
    }

    static String samples(List<IngestProblem> samples) {
        StringBuilder text = new StringBuilder();
        for (IngestProblem p : samples) {
            String line = p.kind() + "\t" + flat(p.location()) + "\t" + flat(p.reason()) + "\n";
            if (text.length() + line.length() > MAX_SAMPLES_CHARS) {
                break;
            }
            text.append(line);
        }
        return text.toString();
    }

    static List<IngestProblem> samples(String text) {
        List<IngestProblem> samples = new ArrayList<>();
        if (text != null) {
            for (String line : text.split("\n")) {
                String[] fields = line.split("\t", 3);
                if (fields.length == 3) {
                    samples.add(new IngestProblem(IngestProblem.Kind.valueOf(fields[0]), fields[1], fields[2]));
                }
            }
        }
        return samples;
    }

    private static String flat(String text) {
        return abbreviate(text.replace('\t', ' ').replace('\n', ' ').replace('\r', ' '), 300);
    }

    private static String abbreviate(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

    private static Instant instant(ResultSet rs, int column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    private static IllegalStateException failure(String what, SQLException e) {
        return new IllegalStateException("Segment index: cannot " + what + ": " + e.getMessage(), e);
    }
}
