package fr.regard.archive.infrastructure;

import fr.regard.archive.domain.ArchiveException;
import fr.regard.archive.domain.FootageRetention;
import fr.regard.archive.domain.NoSuchSegmentException;
import fr.regard.archive.domain.PurgeStatus;
import fr.regard.archive.domain.PurgeTrigger;
import fr.regard.archive.domain.RecordingArchive;
import fr.regard.archive.domain.SegmentRef;
import java.io.IOException;
import java.io.InputStream;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.TreeSet;

/**
 * The crash-safe destruction of expired footage (docs/archive.md "Purge"). Each chunk of segments goes through two
 * transactions:
 * <ol>
 * <li><b>claim</b>: expired PRESENT segments that no active hold covers are marked DESTROYING with the batch id;</li>
 * <li><b>destroy</b>: the cameras of the chunk are locked (a hold placement takes the same locks), holds are checked
 * again, each file is deleted through {@link RecordingArchive#delete} (verified), and the deleted segments are marked
 * DESTROYED and counted in the batch; held ones go back to PRESENT.</li>
 * </ol>
 * Whatever the moment of a crash, <b>no file is gone without a DESTROYING or DESTROYED row, and no row is DESTROYED
 * while its file may remain</b>: a row is DESTROYING before its file is touched, and DESTROYED only in the transaction
 * that deleted and checked the file. The next run finishes DESTROYING rows first (absent file: DESTROYED; present:
 * deleted then DESTROYED; held: back to PRESENT unless already gone).
 *
 * <p>One batch runs at a time (unique running guard, lease renewed by every transaction, batch row locked by each);
 * a batch whose lease ran out is taken over by the next {@link #open}: closed FAILED over what it destroyed, its
 * DESTROYING rows handed to the new batch. Plain JDBC over {@link SqlTransactions}, so the same code runs in the server
 * and in the kill -9 test's child JVM.
 */
public final class PurgeProtocol {

    /** The outcome of {@link #open}: the batch to work on, or the batch another runner is working on. */
    public record Opening(Long batchId, Long runningBatchId, Long takenOverBatchId) {
        public boolean opened() {
            return batchId != null;
        }
    }

    /** Where a batch stands after one {@link #destroy} call. */
    public enum Progress { MORE, DONE, LOST }

    /**
     * One {@link #destroy} call: segments destroyed, kept because a hold arrived after they were claimed, and not
     * destroyed because the archive refused (left PRESENT, retried by the next call), with the last such error.
     */
    public record Slice(Progress progress, long destroyed, long kept, long notDestroyed, String lastError) {
    }

    /** A closed batch: its status, totals and Merkle root. */
    public record Closed(long batchId, PurgeStatus status, long segments, long bytes, String merkleRoot) {
    }

    static final String NOT_HELD = HeldSegments.notHeld("s");
    private static final Instant LOW = Instant.EPOCH;

    private final SqlTransactions transactions;
    private final RecordingArchive archive;
    private final PurgeJournal journal;
    private final Clock clock;
    private final PurgeSettings settings;
    private final PurgeBatchRecords records;

    public PurgeProtocol(SqlTransactions transactions, RecordingArchive archive, PurgeJournal journal, Clock clock,
                         PurgeSettings settings) {
        this.transactions = Objects.requireNonNull(transactions, "transactions");
        this.archive = Objects.requireNonNull(archive, "archive");
        this.journal = Objects.requireNonNull(journal, "journal");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.records = new PurgeBatchRecords(journal);
    }

    /**
     * Opens a batch for {@code owner}, or answers which batch is already running. A running batch whose lease ran out
     * is taken over: closed FAILED over what it destroyed, its unfinished segments handed to the new batch. The same
     * owner opening again gets its own running batch back (a retried job).
     */
    public Opening open(PurgeTrigger trigger, String actor, String role, String owner, FootageRetention retention) {
        try {
            return transactions.inNewTransaction(c -> openIn(c, trigger, actor, role, owner, retention));
        } catch (RuntimeException e) {
            if (Sql.isUniqueViolation(e)) {
                // another node opened a batch between our look and our insert
                Long running = transactions.inNewTransaction(PurgeBatchRecords::runningBatch);
                return new Opening(null, running, null);
            }
            throw e;
        }
    }

    private Opening openIn(Connection c, PurgeTrigger trigger, String actor, String role, String owner,
                           FootageRetention retention) throws SQLException {
        Instant now = now();
        PurgeBatchRecords.Lease running = PurgeBatchRecords.lockRunning(c);
        if (running != null && running.owner().equals(owner)) {
            return new Opening(running.batchId(), null, null);
        }
        if (running != null && running.until().isAfter(now)) {
            return new Opening(null, running.batchId(), null);
        }
        Long stale = running == null ? null : running.batchId();
        PurgeBatchRecords.Summary staleSummary = stale == null ? null
                : records.close(c, stale, PurgeStatus.FAILED, PurgeTexts.INTERRUPTED, now);
        long id = records.insert(c, trigger, actor, owner, now, now.plus(settings.lease()), retention);
        records.journalStarted(c, id, trigger, actor, role, now, retention, stale);
        if (stale != null) {
            records.handOver(c, stale, id);
            records.journalClosed(c, staleSummary, id);
        }
        return new Opening(id, null, stale);
    }

    /**
     * Destroys expired, unheld segments for the batch until none is left or the slice budget is spent. Unfinished
     * (DESTROYING) segments are finished first. {@link Progress#LOST} when the batch is closed or another runner
     * holds it.
     */
    public Slice destroy(long batchId, String owner) {
        long deadline = System.nanoTime() + settings.sliceBudget().toNanos();
        Instant afterEnd = LOW;
        long afterId = 0;
        long destroyed = 0;
        long kept = 0;
        long notDestroyed = 0;
        String lastError = null;
        Progress progress = Progress.DONE;
        while (true) {
            if (System.nanoTime() > deadline) {
                progress = Progress.MORE;
                break;
            }
            Chunk chunk = transactions.inNewTransaction(c -> finishChunk(c, batchId, owner));
            if (chunk == null) {
                return new Slice(Progress.LOST, destroyed, kept, notDestroyed, lastError);
            }
            destroyed += chunk.destroyed;
            kept += chunk.kept;
            notDestroyed += chunk.failed;
            lastError = chunk.lastError != null ? chunk.lastError : lastError;
            if (chunk.size() > 0 && chunk.destroyed == 0 && chunk.kept == 0) {
                break; // the archive refused a whole chunk (unreachable?): stop and report rather than churn
            }
            if (chunk.size() > 0) {
                continue;
            }
            Instant fromEnd = afterEnd;
            long fromId = afterId;
            Position claimed = transactions.inNewTransaction(c -> claimChunk(c, batchId, owner, fromEnd, fromId));
            if (claimed == null) {
                return new Slice(Progress.LOST, destroyed, kept, notDestroyed, lastError);
            }
            if (claimed.count == 0) {
                break;
            }
            afterEnd = claimed.end;
            afterId = claimed.id;
        }
        if (notDestroyed > 0) {
            long failed = notDestroyed;
            String error = lastError;
            transactions.inNewTransaction(c -> records.recordError(c, batchId, failed, error));
        }
        return new Slice(progress, destroyed, kept, notDestroyed, lastError);
    }

    /**
     * Closes the batch COMPLETED: per-camera counts and windows and the Merkle root from the DESTROYED rows, one
     * journal event in the same transaction. {@code null} when the batch is no longer this owner's (taken over).
     */
    public Closed close(long batchId, String owner) {
        PurgeBatchRecords.Summary summary = transactions.inNewTransaction(c -> {
            Instant now = now();
            if (!PurgeBatchRecords.claim(c, batchId, owner, now, now.plus(settings.lease()))) {
                return null;
            }
            if (PurgeBatchRecords.unfinished(c, batchId) > 0) {
                throw new IllegalStateException("batch " + batchId + " still has segments being destroyed");
            }
            PurgeBatchRecords.Summary closed = records.close(c, batchId, PurgeStatus.COMPLETED, null, now);
            records.journalClosed(c, closed, null);
            return closed;
        });
        return summary == null ? null
                : new Closed(batchId, summary.status(), summary.segments(), summary.bytes(), summary.merkleRoot());
    }

    /**
     * Records an error that stopped a slice (the BPMN job will be retried, then become an incident) on the batch and
     * in the journal, in a transaction of its own: the failed job's transaction is rolled back.
     */
    public void recordFailure(long batchId, String error) {
        transactions.inNewTransaction(c -> records.recordError(c, batchId, 0, error));
    }

    /** Open, destroy until done, close: one whole run (tests, benchmark, the catch-up of a plain JVM). */
    public Closed run(PurgeTrigger trigger, String actor, String owner, FootageRetention retention) {
        Opening opening = open(trigger, actor, "system", owner, retention);
        if (!opening.opened()) {
            return null;
        }
        Slice slice;
        do {
            slice = destroy(opening.batchId(), owner);
        } while (slice.progress() == Progress.MORE);
        if (slice.progress() == Progress.LOST || slice.notDestroyed() > 0) {
            return null;
        }
        return close(opening.batchId(), owner);
    }

    // ---- the two transactions of a chunk ------------------------------------------------------------------------

    private record Position(int count, Instant end, long id) {
    }

    private record Row(long id, SegmentRef ref) {
    }

    private record Chunk(int size, long destroyed, long kept, long failed, String lastError) {
    }

    /** Transaction 1: marks the next expired, unheld PRESENT segments DESTROYING for the batch. */
    private Position claimChunk(Connection c, long batchId, String owner, Instant afterEnd, long afterId)
            throws SQLException {
        Instant now = now();
        if (!PurgeBatchRecords.claim(c, batchId, owner, now, now.plus(settings.lease()))) {
            return null;
        }
        List<Long> ids = new ArrayList<>();
        Instant lastEnd = afterEnd;
        long lastId = afterId;
        try (PreparedStatement select = c.prepareStatement("select s.id, s.end_at from footage_segment s "
                + "join purge_batch_camera p on p.batch_id = ? and p.camera_id = s.camera_id "
                + "where s.state = 'PRESENT' and s.end_at <= ? and s.end_at <= p.cutoff_at "
                + "and s.end_at >= ? and (s.end_at > ? or s.id > ?) and " + NOT_HELD
                + " order by s.end_at, s.id fetch first ? rows only")) {
            select.setLong(1, batchId);
            select.setObject(2, Sql.at(PurgeBatchRecords.latestCutoff(c, batchId)));
            select.setObject(3, Sql.at(afterEnd));
            select.setObject(4, Sql.at(afterEnd));
            select.setLong(5, afterId);
            select.setInt(6, settings.chunkSize());
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    lastId = rs.getLong(1);
                    lastEnd = Sql.instant(rs, 2);
                    ids.add(lastId);
                }
            }
        }
        if (!ids.isEmpty()) {
            Sql.updateIds(c, "update footage_segment set state = 'DESTROYING', purge_batch_id = " + batchId
                    + " where state = 'PRESENT' and id in ", ids);
        }
        return new Position(ids.size(), lastEnd, lastId);
    }

    /**
     * Transaction 2: under the chunk's camera locks, checks holds again, deletes the files of the batch's DESTROYING
     * segments and marks them DESTROYED; held ones go back to PRESENT, refused ones too (with the error).
     */
    private Chunk finishChunk(Connection c, long batchId, String owner) throws SQLException {
        Instant now = now();
        if (!PurgeBatchRecords.claim(c, batchId, owner, now, now.plus(settings.lease()))) {
            return null;
        }
        List<Row> rows = new ArrayList<>();
        try (PreparedStatement select = c.prepareStatement("select id, camera_id, start_at, end_at, size_bytes, "
                + "location from footage_segment where purge_batch_id = ? and state = 'DESTROYING' "
                + "order by id fetch first ? rows only")) {
            select.setLong(1, batchId);
            select.setInt(2, settings.chunkSize());
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    rows.add(new Row(rs.getLong(1), new SegmentRef(rs.getString(2), Sql.instant(rs, 3),
                            Sql.instant(rs, 4), rs.getLong(5), rs.getString(6))));
                }
            }
        }
        if (rows.isEmpty()) {
            return new Chunk(0, 0, 0, 0, null);
        }
        TreeSet<String> cameras = new TreeSet<>();
        rows.forEach(r -> cameras.add(r.ref().cameraId()));
        CameraLocks.lock(c, cameras);
        TreeSet<Long> held = heldNow(c, rows);

        List<Long> gone = new ArrayList<>();
        List<Long> back = new ArrayList<>();
        long bytes = 0;
        long failed = 0;
        String lastError = null;
        for (Row row : rows) {
            if (held.contains(row.id()) && isPresent(row.ref())) {
                back.add(row.id());
                continue;
            }
            try {
                if (!held.contains(row.id())) {
                    archive.delete(row.ref());
                    throttle();
                }
                gone.add(row.id());
                bytes += row.ref().size();
            } catch (ArchiveException | IllegalArgumentException e) {
                back.add(row.id());
                failed++;
                lastError = PurgeTexts.notDestroyed(row.ref(), e);
            }
        }
        if (!gone.isEmpty()) {
            try (PreparedStatement mark = c.prepareStatement("update footage_segment set state = 'DESTROYED', "
                    + "destroyed_at = ? where purge_batch_id = ? and state = 'DESTROYING' and id in "
                    + Sql.placeholders(gone.size()))) {
                mark.setObject(1, Sql.at(now));
                mark.setLong(2, batchId);
                for (int i = 0; i < gone.size(); i++) {
                    mark.setLong(3 + i, gone.get(i));
                }
                if (mark.executeUpdate() != gone.size()) {
                    throw new IllegalStateException("batch " + batchId + ": segments changed while destroyed");
                }
            }
            PurgeBatchRecords.count(c, batchId, gone.size(), bytes);
        }
        if (!back.isEmpty()) {
            Sql.updateIds(c, "update footage_segment set state = 'PRESENT', purge_batch_id = null "
                    + "where state = 'DESTROYING' and id in ", back);
        }
        return new Chunk(rows.size(), gone.size(), back.size() - failed, failed, lastError);
    }

    /** The chunk's segments an active hold covers now (read after the camera locks: every committed hold). */
    private static TreeSet<Long> heldNow(Connection c, List<Row> rows) throws SQLException {
        TreeSet<Long> held = new TreeSet<>();
        try (PreparedStatement select = c.prepareStatement("select s.id from footage_segment s where not "
                + NOT_HELD + " and s.id in " + Sql.placeholders(rows.size()))) {
            for (int i = 0; i < rows.size(); i++) {
                select.setLong(1 + i, rows.get(i).id());
            }
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    held.add(rs.getLong(1));
                }
            }
        }
        return held;
    }

    private boolean isPresent(SegmentRef ref) {
        try (InputStream ignored = archive.open(ref)) {
            return true;
        } catch (NoSuchSegmentException e) {
            return false;
        } catch (IOException e) {
            return true;
        }
    }

    private void throttle() {
        long nanos = settings.deleteThrottle().toNanos();
        if (nanos > 0) {
            try {
                Thread.sleep(nanos / 1_000_000, (int) (nanos % 1_000_000));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private Instant now() {
        return Sql.micros(clock.instant());
    }
}
