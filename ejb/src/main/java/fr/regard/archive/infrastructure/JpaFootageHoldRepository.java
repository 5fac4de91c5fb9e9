package fr.regard.archive.infrastructure;

import fr.regard.archive.domain.FootageHold;
import fr.regard.archive.domain.FootageHoldRepository;
import fr.regard.archive.domain.HoldFilter;
import fr.regard.platform.infrastructure.SequenceNumbers;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Holds in the relational database ({@code footage_hold}, migration V22). */
@ApplicationScoped
public class JpaFootageHoldRepository implements FootageHoldRepository {

    private static final String ORDER = " order by h.placementId, h.cameraId";

    @PersistenceContext(unitName = "regard")
    EntityManager em;

    @Override
    public long nextPlacementId() {
        return SequenceNumbers.next(em, "footage_hold_placement_seq");
    }

    @Override
    public void add(FootageHold hold) {
        // The purge deletes a chunk's files under the same lock: this hold either commits before the purge's last
        // check (and wins) or waits until that chunk is destroyed (docs/archive.md "Purge").
        CameraLocks.lock(em, hold.cameraId());
        em.persist(hold);
    }

    @Override
    public List<FootageHold> placement(long placementId) {
        return em.createQuery("select h from FootageHold h where h.placementId = :p" + ORDER, FootageHold.class)
                .setParameter("p", placementId).getResultList();
    }

    @Override
    public List<FootageHold> ofCase(String caseReference) {
        return em.createQuery("select h from FootageHold h where h.caseReference = :r" + ORDER, FootageHold.class)
                .setParameter("r", caseReference).getResultList();
    }

    @Override
    public List<FootageHold> find(HoldFilter filter) {
        List<String> where = new ArrayList<>();
        Map<String, Object> parameters = new HashMap<>();
        String state = "";
        if (Boolean.TRUE.equals(filter.active()) || filter.flaggedAsOf() != null) {
            state = " is null";
        } else if (Boolean.FALSE.equals(filter.active())) {
            state = " is not null";
        }
        if (!state.isEmpty()) {
            where.add("h.releasedAt" + state);
        }
        if (filter.caseReference() != null) {
            where.add("h.caseReference = :reference");
            parameters.put("reference", filter.caseReference());
        }
        if (filter.flaggedAsOf() != null) {
            where.add("h.limitAt <= :asOf");
            parameters.put("asOf", filter.flaggedAsOf());
        }
        if (filter.cameraId() != null) {
            // whole placements whose rows in that state include the camera: a hold is listed with all its cameras
            where.add("h.placementId in (select c.placementId from FootageHold c where c.cameraId = :camera"
                    + (state.isEmpty() ? "" : " and c.releasedAt" + state) + ")");
            parameters.put("camera", filter.cameraId());
        }
        String jpql = "select h from FootageHold h" + (where.isEmpty() ? "" : " where " + String.join(" and ", where))
                + ORDER;
        TypedQuery<FootageHold> query = em.createQuery(jpql, FootageHold.class);
        parameters.forEach(query::setParameter);
        return query.getResultList();
    }

    @Override
    public boolean isHeld(String cameraId, Instant start, Instant end) {
        Number count = (Number) em.createNativeQuery(HeldSegments.COUNT_ACTIVE_OVERLAPS)
                .setParameter(1, cameraId).setParameter(2, end).setParameter(3, start)
                .getSingleResult();
        return count.longValue() > 0;
    }

    @Override
    public List<Long> placementsToFlag(Instant now, int max) {
        return em.createQuery("select h.placementId from FootageHold h where h.releasedAt is null "
                        + "and h.flaggedAt is null and h.limitAt <= :now group by h.placementId "
                        + "order by min(h.limitAt), h.placementId", Long.class)
                .setParameter("now", now).setMaxResults(max).getResultList();
    }

    @Override
    public int markFlagged(long placementId, Instant now) {
        return em.createQuery("update FootageHold h set h.flaggedAt = :now where h.placementId = :p "
                        + "and h.releasedAt is null and h.flaggedAt is null")
                .setParameter("now", now).setParameter("p", placementId).executeUpdate();
    }
}
