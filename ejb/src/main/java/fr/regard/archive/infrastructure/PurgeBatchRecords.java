package fr.regard.archive.infrastructure;

import fr.regard.archive.application.ManifestSegments;
import fr.regard.archive.domain.DestructionTree;
import fr.regard.archive.domain.FootageRetention;
import fr.regard.archive.domain.PurgeStatus;
import fr.regard.archive.domain.PurgeTrigger;
import fr.regard.journal.domain.JournalActions;
import fr.regard.journal.domain.JournalEvent;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The rows of {@code purge_batch} and {@code purge_batch_camera} (V23) as the protocol writes them, and the batch's
 * journal events. Every method runs in the caller's transaction.
 */
final class PurgeBatchRecords {

    /** Who holds the running batch, and until when. */
    record Lease(long batchId, String owner, Instant until) {
    }

    /** What a closed batch says: the content of its journal event. */
    record Summary(long batchId, PurgeStatus status, long segments, long bytes, int cameras, Instant firstStart,
                   Instant lastEnd, String merkleRoot, String failure, Instant startedAt, Instant finishedAt) {
    }

    private record CameraTotals(String cameraId, long segments, long bytes, Instant firstStart, Instant lastEnd) {
    }

    private final PurgeJournal journal;

    PurgeBatchRecords(PurgeJournal journal) {
        this.journal = journal;
    }

    /** The running batch, locked until the end of the transaction; null when none runs. */
    static Lease lockRunning(Connection c) throws SQLException {
        try (PreparedStatement select = c.prepareStatement(
                "select id, lease_owner, lease_until from purge_batch where running_guard = 1 for update");
             ResultSet rs = select.executeQuery()) {
            return rs.next() ? new Lease(rs.getLong(1), rs.getString(2), Sql.instant(rs, 3)) : null;
        }
    }

    static Long runningBatch(Connection c) throws SQLException {
        try (PreparedStatement select = c.prepareStatement("select id from purge_batch where running_guard = 1");
             ResultSet rs = select.executeQuery()) {
            return rs.next() ? rs.getLong(1) : null;
        }
    }

    /**
     * Locks the batch and renews its lease for {@code owner}; false when the batch is closed, or another owner's lease
     * still runs (that runner goes on; this one stops).
     */
    static boolean claim(Connection c, long batchId, String owner, Instant now, Instant until) throws SQLException {
        try (PreparedStatement select = c.prepareStatement(
                "select status, lease_owner, lease_until from purge_batch where id = ? for update")) {
            select.setLong(1, batchId);
            try (ResultSet rs = select.executeQuery()) {
                if (!rs.next() || !PurgeStatus.RUNNING.name().equals(rs.getString(1))) {
                    return false;
                }
                if (!owner.equals(rs.getString(2)) && Sql.instant(rs, 3).isAfter(now)) {
                    return false;
                }
            }
        }
        try (PreparedStatement renew = c.prepareStatement(
                "update purge_batch set lease_owner = ?, lease_until = ? where id = ?")) {
            renew.setString(1, owner);
            renew.setObject(2, Sql.at(until));
            renew.setLong(3, batchId);
            renew.executeUpdate();
        }
        return true;
    }

    static long unfinished(Connection c, long batchId) throws SQLException {
        try (PreparedStatement count = c.prepareStatement(
                "select count(*) from footage_segment where purge_batch_id = ? and state = 'DESTROYING'")) {
            count.setLong(1, batchId);
            try (ResultSet rs = count.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    /** The latest cutoff of the batch's plan (bounds the scan of the segment index). */
    static Instant latestCutoff(Connection c, long batchId) throws SQLException {
        try (PreparedStatement select = c.prepareStatement(
                "select max(cutoff_at) from purge_batch_camera where batch_id = ?")) {
            select.setLong(1, batchId);
            try (ResultSet rs = select.executeQuery()) {
                rs.next();
                Instant latest = Sql.instant(rs, 1);
                return latest == null ? Instant.EPOCH : latest;
            }
        }
    }

    /** Adds segments just destroyed to the running totals (recounted from the rows at close). */
    static void count(Connection c, long batchId, long segments, long bytes) throws SQLException {
        try (PreparedStatement update = c.prepareStatement(
                "update purge_batch set segments = segments + ?, bytes = bytes + ? where id = ?")) {
            update.setLong(1, segments);
            update.setLong(2, bytes);
            update.setLong(3, batchId);
            update.executeUpdate();
        }
    }

    /** Inserts a RUNNING batch and its plan: every registered camera's retention and cutoff at {@code now}. */
    long insert(Connection c, PurgeTrigger trigger, String actor, String owner, Instant now, Instant leaseUntil,
                FootageRetention retention) throws SQLException {
        long id;
        try (PreparedStatement insert = c.prepareStatement("insert into purge_batch (status, running_guard, "
                + "trigger_kind, triggered_by, started_at, policy_retention_days, lease_owner, lease_until) "
                + "values ('RUNNING', 1, ?, ?, ?, ?, ?, ?)", new String[] {"id"})) {
            insert.setString(1, trigger.name());
            insert.setString(2, actor);
            insert.setObject(3, Sql.at(now));
            insert.setInt(4, retention.policyDays());
            insert.setString(5, owner);
            insert.setObject(6, Sql.at(leaseUntil));
            insert.executeUpdate();
            try (ResultSet keys = insert.getGeneratedKeys()) {
                keys.next();
                id = keys.getLong(1);
            }
        }
        try (PreparedStatement cameras = c.prepareStatement("select id, retention_days from camera order by id");
             ResultSet rs = cameras.executeQuery();
             PreparedStatement plan = c.prepareStatement("insert into purge_batch_camera "
                     + "(batch_id, camera_id, retention_days, cutoff_at) values (?, ?, ?, ?)")) {
            while (rs.next()) {
                int days = retention.daysFor(rs.getInt(2));
                plan.setLong(1, id);
                plan.setString(2, rs.getString(1));
                plan.setInt(3, days);
                plan.setObject(4, Sql.at(FootageRetention.cutoff(now, days)));
                plan.addBatch();
            }
            plan.executeBatch();
        }
        return id;
    }

    /** Hands the unfinished segments of an interrupted batch to the batch that takes it over, and links the two. */
    void handOver(Connection c, long from, long to) throws SQLException {
        try (PreparedStatement move = c.prepareStatement("update footage_segment set purge_batch_id = ? "
                + "where purge_batch_id = ? and state = 'DESTROYING'")) {
            move.setLong(1, to);
            move.setLong(2, from);
            move.executeUpdate();
        }
        try (PreparedStatement link = c.prepareStatement(
                "update purge_batch set resumed_by = ? where id = ?")) {
            link.setLong(1, to);
            link.setLong(2, from);
            link.executeUpdate();
        }
        try (PreparedStatement link = c.prepareStatement(
                "update purge_batch set resumed_from = ? where id = ?")) {
            link.setLong(1, from);
            link.setLong(2, to);
            link.executeUpdate();
        }
    }

    /**
     * Closes a batch: per-camera totals and windows, batch totals and the Merkle root, all recounted from its
     * DESTROYED rows (the record of truth), then the status. Unfinished rows are not counted (a taken-over batch
     * hands them on).
     */
    Summary close(Connection c, long batchId, PurgeStatus status, String failure, Instant now) throws SQLException {
        List<CameraTotals> perCamera = new ArrayList<>();
        try (PreparedStatement select = c.prepareStatement("select camera_id, count(*), sum(size_bytes), "
                + "min(start_at), max(end_at) from footage_segment where purge_batch_id = ? and state = 'DESTROYED' "
                + "group by camera_id")) {
            select.setLong(1, batchId);
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    perCamera.add(new CameraTotals(rs.getString(1), rs.getLong(2), rs.getLong(3),
                            Sql.instant(rs, 4), Sql.instant(rs, 5)));
                }
            }
        }
        perCamera.sort((a, b) -> a.cameraId().compareTo(b.cameraId()));
        long segments = 0;
        long bytes = 0;
        Instant firstStart = null;
        Instant lastEnd = null;
        try (PreparedStatement update = c.prepareStatement("update purge_batch_camera set segments = ?, bytes = ?, "
                + "first_start = ?, last_end = ? where batch_id = ? and camera_id = ?")) {
            for (CameraTotals t : perCamera) {
                update.setLong(1, t.segments());
                update.setLong(2, t.bytes());
                update.setObject(3, Sql.at(t.firstStart()));
                update.setObject(4, Sql.at(t.lastEnd()));
                update.setLong(5, batchId);
                update.setString(6, t.cameraId());
                if (update.executeUpdate() != 1) {
                    throw new IllegalStateException("batch " + batchId + " destroyed footage of camera "
                            + t.cameraId() + " outside its plan");
                }
                segments += t.segments();
                bytes += t.bytes();
                firstStart = firstStart == null || t.firstStart().isBefore(firstStart) ? t.firstStart() : firstStart;
                lastEnd = lastEnd == null || t.lastEnd().isAfter(lastEnd) ? t.lastEnd() : lastEnd;
            }
        }
        String root = merkleRoot(c, batchId);
        Instant startedAt;
        try (PreparedStatement update = c.prepareStatement("update purge_batch set status = ?, running_guard = null, "
                + "finished_at = ?, lease_owner = null, lease_until = null, segments = ?, bytes = ?, first_start = ?, "
                + "last_end = ?, merkle_root = ?, failure = ? where id = ? and status = 'RUNNING'")) {
            update.setString(1, status.name());
            update.setObject(2, Sql.at(now));
            update.setLong(3, segments);
            update.setLong(4, bytes);
            update.setObject(5, Sql.at(firstStart));
            update.setObject(6, Sql.at(lastEnd));
            update.setString(7, root);
            update.setString(8, failure);
            update.setLong(9, batchId);
            if (update.executeUpdate() != 1) {
                throw new IllegalStateException("batch " + batchId + " is not running");
            }
        }
        try (PreparedStatement select = c.prepareStatement("select started_at from purge_batch where id = ?")) {
            select.setLong(1, batchId);
            try (ResultSet rs = select.executeQuery()) {
                rs.next();
                startedAt = Sql.instant(rs, 1);
            }
        }
        return new Summary(batchId, status, segments, bytes, perCamera.size(), firstStart, lastEnd, root, failure,
                startedAt, now);
    }

    /** The Merkle root over the batch's destroyed segments in manifest order. */
    static String merkleRoot(Connection c, long batchId) throws SQLException {
        DestructionTree tree = new DestructionTree();
        destroyedInManifestOrder(c, batchId, tree::add);
        return tree.rootHex();
    }

    /**
     * The batch's destroyed segments in manifest order: cameras in plain character order (sorted here, never by the
     * database's collation, which may ignore '-' and '_'), each camera's segments by start.
     */
    static void destroyedInManifestOrder(Connection c, long batchId, ManifestSegments sink) throws SQLException {
        List<String> cameras = new ArrayList<>();
        try (PreparedStatement select = c.prepareStatement("select distinct camera_id from footage_segment "
                + "where purge_batch_id = ? and state = 'DESTROYED'")) {
            select.setLong(1, batchId);
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    cameras.add(rs.getString(1));
                }
            }
        }
        cameras.sort(String::compareTo);
        try (PreparedStatement select = c.prepareStatement("select start_at, end_at, size_bytes, sha256 "
                + "from footage_segment where purge_batch_id = ? and state = 'DESTROYED' and camera_id = ? "
                + "order by start_at")) {
            select.setFetchSize(2_000);
            for (String camera : cameras) {
                select.setLong(1, batchId);
                select.setString(2, camera);
                try (ResultSet rs = select.executeQuery()) {
                    while (rs.next()) {
                        sink.segment(camera, Sql.instant(rs, 1), Sql.instant(rs, 2), rs.getLong(3),
                                rs.getString(4).strip());
                    }
                }
            }
        }
    }

    /** Records the last error of a batch and journals it (the error of a slice, or of a failed job). */
    Void recordError(Connection c, long batchId, long notDestroyed, String error) throws SQLException {
        String text = error == null ? PurgeTexts.UNKNOWN_ERROR : error.length() > 2000 ? error.substring(0, 2000) : error;
        try (PreparedStatement update = c.prepareStatement("update purge_batch set last_error = ? where id = ?")) {
            update.setString(1, text);
            update.setLong(2, batchId);
            update.executeUpdate();
        }
        journal.record(c, event(JournalActions.FOOTAGE_PURGE_ERROR, "system", "system", batchId)
                .withDetail("notDestroyed", String.valueOf(notDestroyed))
                .withDetail("error", text));
        return null;
    }

    void journalStarted(Connection c, long batchId, PurgeTrigger trigger, String actor, String role, Instant now,
                        FootageRetention retention, Long resumedFrom) {
        JournalEvent event = event(JournalActions.FOOTAGE_PURGE_STARTED, actor, role, batchId)
                .withDetail("trigger", trigger.name())
                .withDetail("startedAt", now.toString())
                .withDetail("policyRetentionDays", String.valueOf(retention.policyDays()));
        journal.record(c, resumedFrom == null ? event : event.withDetail("resumedFrom", String.valueOf(resumedFrom)));
    }

    void journalClosed(Connection c, Summary s, Long resumedBy) {
        String action = s.status() == PurgeStatus.COMPLETED
                ? JournalActions.FOOTAGE_PURGE_COMPLETED : JournalActions.FOOTAGE_PURGE_FAILED;
        JournalEvent event = event(action, "system", "system", s.batchId())
                .withDetail("status", s.status().name())
                .withDetail("segments", String.valueOf(s.segments()))
                .withDetail("bytes", String.valueOf(s.bytes()))
                .withDetail("cameras", String.valueOf(s.cameras()))
                .withDetail("merkleRoot", s.merkleRoot())
                .withDetail("startedAt", s.startedAt().toString())
                .withDetail("finishedAt", s.finishedAt().toString());
        if (s.firstStart() != null) {
            event = event.withDetail("firstStart", s.firstStart().toString())
                    .withDetail("lastEnd", s.lastEnd().toString());
        }
        if (s.failure() != null) {
            event = event.withDetail("failure", s.failure());
        }
        if (resumedBy != null) {
            event = event.withDetail("resumedBy", String.valueOf(resumedBy));
        }
        journal.record(c, event);
    }

    private static JournalEvent event(String action, String actor, String role, long batchId) {
        return JournalEvent.on(actor, role, action, "purge_batch", String.valueOf(batchId))
                .withPurpose(PurgeTexts.PURPOSE);
    }
}
