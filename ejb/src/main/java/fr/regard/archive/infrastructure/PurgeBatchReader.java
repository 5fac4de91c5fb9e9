package fr.regard.archive.infrastructure;

import fr.regard.archive.application.ManifestSegments;
import fr.regard.archive.application.PurgeBatchView;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;

/** Reads purge batches (V23) for the REST API and the manifest; read-only, no transaction needed. */
@ApplicationScoped
public class PurgeBatchReader {

    private static final String COLUMNS = "id, status, trigger_kind, triggered_by, started_at, finished_at, "
            + "policy_retention_days, segments, bytes, first_start, last_end, merkle_root, failure, last_error, "
            + "resumed_from, resumed_by, certificate_document_id";

    @Resource(lookup = "java:jboss/datasources/RegardDS")
    DataSource dataSource;

    /** The newest batches first. */
    public List<PurgeBatchView> recent(int limit) {
        return read(c -> {
            List<PurgeBatchView> batches = new ArrayList<>();
            try (PreparedStatement select = c.prepareStatement("select " + COLUMNS
                    + " from purge_batch order by id desc fetch first ? rows only")) {
                select.setInt(1, limit);
                try (ResultSet rs = select.executeQuery()) {
                    while (rs.next()) {
                        batches.add(view(rs, List.of()));
                    }
                }
            }
            return batches;
        });
    }

    /** One batch with its cameras. */
    public Optional<PurgeBatchView> batch(long id) {
        return read(c -> {
            List<PurgeBatchView.Camera> cameras = new ArrayList<>();
            try (PreparedStatement select = c.prepareStatement("select camera_id, retention_days, cutoff_at, segments, "
                    + "bytes, first_start, last_end from purge_batch_camera where batch_id = ? order by camera_id")) {
                select.setLong(1, id);
                try (ResultSet rs = select.executeQuery()) {
                    while (rs.next()) {
                        cameras.add(new PurgeBatchView.Camera(rs.getString(1), rs.getInt(2), Sql.instant(rs, 3),
                                rs.getLong(4), rs.getLong(5), Sql.instant(rs, 6), Sql.instant(rs, 7)));
                    }
                }
            }
            cameras.sort((a, b) -> a.cameraId().compareTo(b.cameraId()));
            try (PreparedStatement select = c.prepareStatement("select " + COLUMNS + " from purge_batch where id = ?")) {
                select.setLong(1, id);
                try (ResultSet rs = select.executeQuery()) {
                    return rs.next() ? Optional.of(view(rs, cameras)) : Optional.<PurgeBatchView>empty();
                }
            }
        });
    }

    /** When the newest COMPLETED batch finished, if any. */
    public Optional<java.time.Instant> lastCompleted() {
        return read(c -> {
            try (PreparedStatement select = c.prepareStatement(
                    "select max(finished_at) from purge_batch where status = 'COMPLETED'");
                 ResultSet rs = select.executeQuery()) {
                rs.next();
                return Optional.ofNullable(Sql.instant(rs, 1));
            }
        });
    }

    /**
     * Streams the batch's destroyed segments in manifest order: cameras in plain character order (sorted here, not
     * by the database's collation), each camera's segments by start.
     */
    public void destroyedSegments(long batchId, ManifestSegments sink) {
        read(c -> {
            PurgeBatchRecords.destroyedInManifestOrder(c, batchId, sink);
            return null;
        });
    }

    private static PurgeBatchView view(ResultSet rs, List<PurgeBatchView.Camera> cameras) throws SQLException {
        long resumedFrom = rs.getLong(15);
        Long from = rs.wasNull() ? null : resumedFrom;
        long resumedBy = rs.getLong(16);
        Long by = rs.wasNull() ? null : resumedBy;
        String root = rs.getString(12);
        long certificate = rs.getLong(17);
        Long certificateId = rs.wasNull() ? null : certificate;
        return new PurgeBatchView(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), Sql.instant(rs, 5),
                Sql.instant(rs, 6), rs.getInt(7), rs.getLong(8), rs.getLong(9), Sql.instant(rs, 10),
                Sql.instant(rs, 11), root == null ? null : root.strip(), rs.getString(13), rs.getString(14), from, by,
                List.copyOf(cameras), certificateId);
    }

    private <T> T read(SqlTransactions.Work<T> work) {
        try (Connection c = dataSource.getConnection()) {
            return work.apply(c);
        } catch (SQLException e) {
            throw new IllegalStateException("Purge batches: database error: " + e.getMessage(), e);
        }
    }
}
