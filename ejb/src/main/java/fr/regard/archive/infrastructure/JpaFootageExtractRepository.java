package fr.regard.archive.infrastructure;

import fr.regard.archive.domain.ExtractStatus;
import fr.regard.archive.domain.FootageExtract;
import fr.regard.archive.domain.FootageExtractRepository;
import fr.regard.platform.infrastructure.SequenceNumbers;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** {@link FootageExtractRepository} on JPA (tables {@code footage_extract}, {@code footage_extract_source}). */
@ApplicationScoped
public class JpaFootageExtractRepository implements FootageExtractRepository {

    @PersistenceContext(unitName = "regard")
    EntityManager em;

    @Override
    public long nextRequestId() {
        return SequenceNumbers.next(em, "footage_extract_request_seq");
    }

    @Override
    public void add(FootageExtract extract) {
        em.persist(extract);
    }

    @Override
    public Optional<FootageExtract> find(long id) {
        return Optional.ofNullable(em.find(FootageExtract.class, id));
    }

    @Override
    public Optional<FootageExtract> lock(long id) {
        return Optional.ofNullable(em.find(FootageExtract.class, id, LockModeType.PESSIMISTIC_WRITE));
    }

    @Override
    public List<FootageExtract> ofCase(String caseReference) {
        return em.createQuery("select e from FootageExtract e where e.caseReference = :reference order by e.id",
                FootageExtract.class).setParameter("reference", caseReference).getResultList();
    }

    @Override
    public List<FootageExtract> ofRequest(long requestId) {
        return em.createQuery("select e from FootageExtract e where e.requestId = :request order by e.cameraId",
                FootageExtract.class).setParameter("request", requestId).getResultList();
    }

    @Override
    public List<Long> withStatus(ExtractStatus status, int max) {
        return em.createQuery("select e.id from FootageExtract e where e.status = :status order by e.id", Long.class)
                .setParameter("status", status).setMaxResults(max).getResultList();
    }

    @Override
    public List<Long> interrupted(String node, Instant staleBefore) {
        return em.createQuery("select e.id from FootageExtract e where e.status = :running and (e.runNode = :node "
                        + "or e.progressAt is null or e.progressAt < :stale) order by e.id", Long.class)
                .setParameter("running", ExtractStatus.RUNNING).setParameter("node", node)
                .setParameter("stale", staleBefore).getResultList();
    }
}
