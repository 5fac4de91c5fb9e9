package fr.regard.archive.infrastructure;

import fr.regard.calendar.domain.LegalCalendar;
import fr.regard.documents.domain.PurgeCertificate;
import java.time.LocalDate;
import fr.regard.archive.domain.DestructionReport;
import fr.regard.archive.domain.FootageRetention;
import fr.regard.archive.domain.FootageWindow;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SortedSet;
import javax.sql.DataSource;

/**
 * Whether a window's footage is destroyed, answered from the segment index and the purge batches (issue 5 point 7,
 * per-request destruction answers), in the caller's transaction:
 * <ul>
 * <li>an active <b>judicial</b> hold overlapping the window on those cameras, with footage not destroyed (or none
 * indexed): JUDICIAL_HOLD;</li>
 * <li>every indexed segment of the window DESTROYED: DESTROYED on the latest destruction date, verified, with the
 * batches that destroyed them;</li>
 * <li>some still present: PENDING until the latest due date of those (end + the camera's retention), verified;</li>
 * <li>nothing indexed: empty — the caller answers from the policy, unverified.</li>
 * </ul>
 * No camera named: every camera (the cameras near the place are not known yet).
 */
@ApplicationScoped
public class DestructionAnswers {

    static final String DESTROYED = "Images détruites par la purge : %d segment(s) de %d caméra(s) sur cette période, "
            + "dernière destruction le %s ; vérifié dans l'index des enregistrements ; lot(s) de purge n° %s "
            + "(attestation de destruction quotidienne).";
    static final String PENDING = "%d segment(s) de cette période encore présent(s) dans l'archive (vérifié dans "
            + "l'index des enregistrements) : destruction par la purge au plus tard le %s%s.";
    static final String HELD_FOR_CASE = ", sauf gel en cours pour une demande d'accès (destruction à la levée du gel)";
    static final String JUDICIAL = "Images conservées sur réquisition judiciaire (%s) : elles ne seront pas détruites "
            + "tant que la réquisition est active (CSI L252-5).";

    @Resource(lookup = "java:jboss/datasources/RegardDS")
    DataSource dataSource;

    /** The answer from the index, or empty when no segment of the window is indexed. */
    public Optional<DestructionReport> answer(FootageWindow window, SortedSet<String> cameras, int policyDays) {
        try (Connection c = dataSource.getConnection()) {
            return answer(c, window, cameras, new FootageRetention(policyDays));
        } catch (SQLException e) {
            throw new IllegalStateException("Destruction status: database error: " + e.getMessage(), e);
        }
    }

    private Optional<DestructionReport> answer(Connection c, FootageWindow window, SortedSet<String> cameras,
                                               FootageRetention retention) throws SQLException {
        String onCameras = cameras.isEmpty() ? "" : " and s.camera_id in " + Sql.placeholders(cameras.size());
        String overlap = " s.start_at < ? and s.end_at > ?" + onCameras;
        long destroyed = 0;
        int destroyedCameras = 0;
        Instant lastDestroyed = null;
        try (PreparedStatement select = prepare(c, "select count(*), count(distinct s.camera_id), max(s.destroyed_at) "
                + "from footage_segment s where s.state = 'DESTROYED' and" + overlap, window, cameras);
             ResultSet rs = select.executeQuery()) {
            rs.next();
            destroyed = rs.getLong(1);
            destroyedCameras = rs.getInt(2);
            lastDestroyed = Sql.instant(rs, 3);
        }
        long present = 0;
        Instant dueAt = null;
        boolean caseHeld = false;
        try (PreparedStatement select = prepare(c, "select s.end_at, c.retention_days, "
                + "case when " + PurgeProtocol.NOT_HELD + " then 0 else 1 end from footage_segment s "
                + "join camera c on c.id = s.camera_id where s.state <> 'DESTROYED' and" + overlap, window, cameras);
             ResultSet rs = select.executeQuery()) {
            while (rs.next()) {
                present++;
                Instant due = FootageRetention.dueAt(Sql.instant(rs, 1), retention.daysFor(rs.getInt(2)));
                dueAt = dueAt == null || due.isAfter(dueAt) ? due : dueAt;
                caseHeld |= rs.getInt(3) == 1;
            }
        }
        if (present > 0 || destroyed == 0) {
            List<String> requisitions = judicialHolds(c, window, cameras);
            if (!requisitions.isEmpty()) {
                return Optional.of(new DestructionReport(DestructionReport.State.JUDICIAL_HOLD, null, present > 0,
                        JUDICIAL.formatted(String.join(", ", requisitions))));
            }
        }
        if (present > 0) {
            return Optional.of(new DestructionReport(DestructionReport.State.PENDING, dueAt, true,
                    PENDING.formatted(present, dueAt, caseHeld ? HELD_FOR_CASE : "")));
        }
        if (destroyed == 0) {
            return Optional.empty();
        }
        List<Long> batches = new ArrayList<>();
        try (PreparedStatement select = prepare(c, "select distinct s.purge_batch_id from footage_segment s "
                + "where s.state = 'DESTROYED' and s.purge_batch_id is not null and" + overlap, window, cameras);
             ResultSet rs = select.executeQuery()) {
            while (rs.next()) {
                batches.add(rs.getLong(1));
            }
        }
        batches.sort(Long::compare);
        return Optional.of(new DestructionReport(DestructionReport.State.DESTROYED, lastDestroyed, true,
                DESTROYED.formatted(destroyed, destroyedCameras, lastDestroyed,
                        String.join(", ", batches.stream().map(String::valueOf).toList())), batches));
    }

    /** The cameras (sorted) that have DESTROYED segments overlapping the window, among {@code cameras} (all if empty). */
    public List<String> destroyedCameras(FootageWindow window, SortedSet<String> cameras) {
        String onCameras = cameras.isEmpty() ? "" : " and s.camera_id in " + Sql.placeholders(cameras.size());
        List<String> found = new ArrayList<>();
        try (Connection c = dataSource.getConnection();
             PreparedStatement select = prepare(c, "select distinct s.camera_id from footage_segment s where "
                     + "s.state = 'DESTROYED' and s.start_at < ? and s.end_at > ?" + onCameras, window, cameras);
             ResultSet rs = select.executeQuery()) {
            while (rs.next()) {
                found.add(rs.getString(1));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Destroyed cameras: database error: " + e.getMessage(), e);
        }
        found.sort(String::compareTo);
        return found;
    }

    /** The references of the purge certificates of these batches ({@code PURGE-<day>-<id>}), in batch order. */
    public List<String> certificateReferences(List<Long> batchIds) {
        List<String> references = new ArrayList<>();
        if (batchIds.isEmpty()) {
            return references;
        }
        try (Connection c = dataSource.getConnection();
             PreparedStatement select = c.prepareStatement("select id, started_at from purge_batch where id in "
                     + Sql.placeholders(batchIds.size()) + " order by id")) {
            int i = 1;
            for (Long id : batchIds) {
                select.setLong(i++, id);
            }
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    references.add(PurgeCertificate.referenceOf(
                            LocalDate.ofInstant(Sql.instant(rs, 2), LegalCalendar.PARIS), rs.getLong(1)));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Purge certificates: database error: " + e.getMessage(), e);
        }
        return references;
    }

    private static List<String> judicialHolds(Connection c, FootageWindow window, SortedSet<String> cameras)
            throws SQLException {
        List<String> requisitions = new ArrayList<>();
        String onCameras = cameras.isEmpty() ? "" : " and s.camera_id in " + Sql.placeholders(cameras.size());
        try (PreparedStatement select = prepare(c, "select distinct s.requisition_reference from footage_hold s "
                + "where s.kind = 'JUDICIAL' and s.released_at is null and s.window_start < ? and s.window_end > ?"
                + onCameras, window, cameras);
             ResultSet rs = select.executeQuery()) {
            while (rs.next()) {
                requisitions.add(rs.getString(1));
            }
        }
        requisitions.sort(String::compareTo);
        return requisitions;
    }

    private static PreparedStatement prepare(Connection c, String sql, FootageWindow window, SortedSet<String> cameras)
            throws SQLException {
        PreparedStatement statement = c.prepareStatement(sql);
        statement.setObject(1, Sql.at(window.end()));
        statement.setObject(2, Sql.at(window.start()));
        int i = 3;
        for (String camera : cameras) {
            statement.setString(i++, camera);
        }
        return statement;
    }
}
