package fr.regard.cases.infrastructure;

import fr.regard.cases.domain.AccessCase;
import fr.regard.cases.domain.CaseReference;
import fr.regard.cases.domain.CaseRepository;
import fr.regard.cases.domain.ComplementReceipt;
import fr.regard.platform.infrastructure.SequenceNumbers;
import jakarta.persistence.LockModeType;
import java.util.List;
import java.util.NoSuchElementException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.Optional;

/** Cases in the relational database through the server's Hibernate. */
@ApplicationScoped
public class JpaCaseRepository implements CaseRepository {

    @PersistenceContext(unitName = "regard")
    EntityManager em;

    @Override
    public long nextReferenceNumber() {
        return SequenceNumbers.next(em, "case_reference_seq");
    }

    @Override
    public void add(AccessCase accessCase) {
        em.persist(accessCase);
    }

    @Override
    public Optional<AccessCase> findById(long id) {
        return Optional.ofNullable(em.find(AccessCase.class, id));
    }

    @Override
    public AccessCase lock(long id) {
        AccessCase found = em.find(AccessCase.class, id, LockModeType.PESSIMISTIC_WRITE);
        if (found == null) {
            throw new NoSuchElementException("No case with id " + id);
        }
        return found;
    }

    @Override
    public List<Long> endedEarlyDueForPurge(java.time.Instant asOf, int max) {
        return em.createQuery("select c.id from AccessCase c where c.personalDataPurgedAt is null"
                        + " and c.deadlines.personalDataPurgeAt <= :asOf"
                        + " and (c.status = :withdrawn or (c.status = :closed and c.closureReason = :missingComplement))"
                        + " order by c.id", Long.class)
                .setParameter("asOf", asOf)
                .setParameter("withdrawn", fr.regard.cases.domain.CaseStatus.WITHDRAWN)
                .setParameter("closed", fr.regard.cases.domain.CaseStatus.CLOSED)
                .setParameter("missingComplement", fr.regard.cases.domain.ClosureReason.MISSING_COMPLEMENT)
                .setMaxResults(max)
                .getResultList();
    }

    @Override
    public void addComplement(ComplementReceipt complement) {
        em.persist(complement);
    }

    @Override
    public List<ComplementReceipt> complementsOf(long caseId) {
        return em.createQuery("select c from ComplementReceipt c where c.caseId = :caseId order by c.receivedAt",
                ComplementReceipt.class).setParameter("caseId", caseId).getResultList();
    }

    @Override
    public int deleteComplementsOf(long caseId) {
        return em.createQuery("delete from ComplementReceipt c where c.caseId = :caseId")
                .setParameter("caseId", caseId).executeUpdate();
    }

    @Override
    public Optional<AccessCase> findByReference(CaseReference reference) {
        return em.createQuery("select c from AccessCase c where c.reference = :reference", AccessCase.class)
                .setParameter("reference", reference.value())
                .getResultStream().findFirst();
    }

    @Override
    public Optional<AccessCase> findByTrackingTokenHash(String trackingTokenHash) {
        return em.createQuery("select c from AccessCase c where c.trackingTokenHash = :hash", AccessCase.class)
                .setParameter("hash", trackingTokenHash)
                .getResultStream().findFirst();
    }
}
