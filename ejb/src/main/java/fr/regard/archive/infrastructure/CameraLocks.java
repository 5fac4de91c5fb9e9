package fr.regard.archive.infrastructure;

import jakarta.persistence.EntityManager;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.SortedSet;

/**
 * The lock that keeps a new hold and the purge's deletions apart (docs/archive.md "Purge: holds placed meanwhile"):
 * the camera's registry row, taken {@code FOR UPDATE} until the end of the transaction. The purge takes it for the
 * cameras of a chunk before its last hold check and keeps it while it deletes that chunk's files; a hold placement
 * takes it for its camera before inserting its row. So a hold either commits before the check (and wins) or waits
 * until the chunk is destroyed. Always in camera order, so two lockers never wait on each other in a cycle.
 */
public final class CameraLocks {

    private static final String LOCK_ONE = "select id from camera where id = ? for update";
    private static final String LOCK_MANY = "select id from camera where id in %s order by id for update";

    private CameraLocks() {
    }

    /** Locks the registry rows of the cameras, in order; unknown ids lock nothing (they have no segments). */
    static void lock(Connection c, SortedSet<String> cameraIds) throws SQLException {
        if (cameraIds.isEmpty()) {
            return;
        }
        try (PreparedStatement lock = c.prepareStatement(LOCK_MANY.formatted(Sql.placeholders(cameraIds.size())))) {
            int i = 1;
            for (String camera : cameraIds) {
                lock.setString(i++, camera);
            }
            try (ResultSet rows = lock.executeQuery()) {
                while (rows.next()) {
                    // the locks are the point (taken row by row in id order); the rows themselves are not needed
                }
            }
        }
    }

    /** The same lock for one camera in a JPA transaction (hold placement). */
    public static void lock(EntityManager em, String cameraId) {
        em.createNativeQuery(LOCK_ONE).setParameter(1, cameraId).getResultList();
    }
}
