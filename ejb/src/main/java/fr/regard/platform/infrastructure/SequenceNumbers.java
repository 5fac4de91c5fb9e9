package fr.regard.platform.infrastructure;

import jakarta.persistence.EntityManager;
import org.hibernate.Session;
import org.hibernate.engine.spi.SessionFactoryImplementor;

/** The next value of a database sequence, in the vendor's syntax (H2: NEXT VALUE FOR, PostgreSQL: nextval()). */
public final class SequenceNumbers {

    private SequenceNumbers() {
    }

    public static long next(EntityManager em, String sequence) {
        String sql = em.unwrap(Session.class).getSessionFactory().unwrap(SessionFactoryImplementor.class)
                .getJdbcServices().getDialect().getSequenceSupport().getSequenceNextValString(sequence);
        return ((Number) em.createNativeQuery(sql).getSingleResult()).longValue();
    }
}
