package fr.regard.cases.infrastructure;

import fr.regard.cases.domain.AccessCase;
import fr.regard.cases.domain.CaseReference;
import fr.regard.cases.domain.CaseRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.Optional;
import org.hibernate.Session;

/** Cases in the relational database through the server's Hibernate. */
@ApplicationScoped
public class JpaCaseRepository implements CaseRepository {

    @PersistenceContext(unitName = "regard")
    EntityManager em;

    @Override
    public long nextReferenceNumber() {
        // The dialect writes the vendor's next-value syntax (H2: NEXT VALUE FOR, PostgreSQL: nextval()).
        String sql = em.unwrap(Session.class).getSessionFactory().unwrap(org.hibernate.engine.spi.SessionFactoryImplementor.class)
                .getJdbcServices().getDialect().getSequenceSupport().getSequenceNextValString("case_reference_seq");
        return ((Number) em.createNativeQuery(sql).getSingleResult()).longValue();
    }

    @Override
    public void add(AccessCase accessCase) {
        em.persist(accessCase);
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
