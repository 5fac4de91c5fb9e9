package fr.regard.mail.outbox;

import fr.regard.documents.registry.BlobStore;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.time.ZoneOffset;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import org.hibernate.Session;
import org.hibernate.dialect.PostgreSQLDialect;
import org.hibernate.engine.spi.SessionFactoryImplementor;

/**
 * The outbox's transactions for the sender, each committed on its own (the SMTP conversation runs between them,
 * outside any transaction): claim due mails under a lease, record a send, record a failure. Cluster-safe: a row is
 * claimed under its row lock and only when {@link OutboxRecord#claimable} (queued and due, or its lease ran out), so
 * two nodes never hold the same mail; on PostgreSQL the scan skips rows another node is claiming
 * ({@code FOR UPDATE SKIP LOCKED}), on H2 it reads them and the row lock decides.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
public class OutboxLedger {

    @PersistenceContext(unitName = "regard")
    EntityManager em;

    @Inject
    OutboxSettings settings;

    @Inject
    Outbox outbox;

    @Inject
    BlobStore blobs;

    Clock clock = Clock.systemUTC();

    /** A mail this node holds and must send now. */
    public record Claimed(long id, String messageId, String recipient, String rawSha256, int attempt) {
    }

    /** Claims up to {@code limit} due mails for {@code node}, oldest due first. */
    public List<Claimed> claimDue(String node, int limit) {
        Instant now = now();
        List<Claimed> claimed = new ArrayList<>();
        for (Long id : dueIds(now, limit)) {
            OutboxRecord row = em.find(OutboxRecord.class, id, LockModeType.PESSIMISTIC_WRITE);
            if (row != null && row.claim(node, now, settings.lease())) {
                claimed.add(new Claimed(row.id(), row.messageId(), row.recipient(), row.rawSha256(), row.attempts()));
            }
        }
        return claimed;
    }

    /** The server accepted the mail: SENT, journalled, its letter follows. */
    public void sent(long id) {
        Instant now = now();
        OutboxRecord row = em.find(OutboxRecord.class, id, LockModeType.PESSIMISTIC_WRITE);
        if (row != null && row.sent(now)) {
            outbox.recordSent(row, now);
        }
    }

    /**
     * Erases the stored copies of sent tracking-link mails. Each carries the requester's secret link, of which Regard
     * otherwise keeps only the hash; once the mail server has it, the copy has served. The row keeps the SHA-256 and
     * size of what was sent. Run after each drain, so a crash between the send and the erasure is caught up; returns
     * how many were erased.
     */
    public int eraseSentSecrets() {
        List<OutboxRecord> rows = em.createQuery("select o from OutboxRecord o where o.kind = :kind and o.state = :sent "
                        + "and o.rawErasedAt is null order by o.id", OutboxRecord.class)
                .setParameter("kind", OutgoingMail.Kind.TRACKING_LINK).setParameter("sent", OutboxState.SENT)
                .setMaxResults(200).getResultList();
        Instant now = now();
        for (OutboxRecord row : rows) {
            blobs.erase(row.rawSha256());
            row.rawErased(now);
        }
        return rows.size();
    }

    /** A failed attempt: retried after the backoff, or FAILED (permanent, or past the maximum age) and flagged. */
    public OutboxState failed(long id, SendFailure failure) {
        Instant now = now();
        OutboxRecord row = em.find(OutboxRecord.class, id, LockModeType.PESSIMISTIC_WRITE);
        if (row == null) {
            return null;
        }
        OutboxState before = row.state();
        OutboxState after = failure.permanent() ? row.fail(failure.getMessage(), now)
                : row.retryLater(failure.getMessage(), now, settings.backoff(), ThreadLocalRandom.current()::nextDouble,
                settings.maxAge());
        if (after == OutboxState.FAILED && before != OutboxState.FAILED) {
            outbox.recordFailure(row, now);
        }
        return after;
    }

    /** Ids of the mails a node may claim now, oldest due first. */
    @SuppressWarnings("unchecked")
    private List<Long> dueIds(Instant now, int limit) {
        String sql = "select id from mail_outbox where (state = 'QUEUED' and next_attempt_at <= ?1) "
                + "or (state = 'SENDING' and lease_until < ?1) order by next_attempt_at, id"
                + (postgres() ? " limit " + limit + " for update skip locked" : " fetch first " + limit + " rows only");
        List<Number> ids = em.createNativeQuery(sql).setParameter(1, now.atOffset(ZoneOffset.UTC)).getResultList();
        return ids.stream().map(Number::longValue).toList();
    }

    private boolean postgres() {
        return em.unwrap(Session.class).getSessionFactory().unwrap(SessionFactoryImplementor.class).getJdbcServices()
                .getDialect() instanceof PostgreSQLDialect;
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
