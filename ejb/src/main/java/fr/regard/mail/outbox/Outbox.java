package fr.regard.mail.outbox;

import fr.regard.documents.registry.BlobStore;
import fr.regard.journal.domain.Journal;
import fr.regard.journal.domain.JournalActions;
import fr.regard.journal.domain.JournalEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The outbox (docs/mail.md "Outbox"): every mail Regard sends is queued here in the transaction of its cause, composed
 * once with its Message-ID, and sent after commit by the {@link OutboxSender} with retry and backoff. A mail server
 * outage loses nothing (the row waits, QUEUED); nothing is sent twice except in the one window the docs describe, and
 * then as the same message (same Message-ID), which receivers dedupe.
 */
@ApplicationScoped
public class Outbox {

    static final String PURPOSE = "Correspondance avec le demandeur par courriel";

    @PersistenceContext(unitName = "regard")
    EntityManager em;

    @Inject
    Journal journal;

    @Inject
    BlobStore blobs;

    @Inject
    OutboxSettings settings;

    @Inject
    Event<MailQueued> queued;

    @Inject
    Event<MailDeliveryChanged> changes;

    Clock clock = Clock.systemUTC();

    /**
     * Queues {@code mail} atomically with the caller's transaction (MANDATORY) and returns its outbox id. An address
     * that cannot receive mail is recorded FAILED at once (journalled, the carried letter follows) rather than
     * refused: the cause still commits.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public long enqueue(OutgoingMail mail) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        String messageId = "<" + UUID.randomUUID() + "@" + settings.messageIdDomain() + ">";
        boolean deliverable = MailComposer.isValidAddress(mail.to());
        OutgoingMail addressed = deliverable ? mail : mailTo(mail, "invalid@invalid.invalid");
        byte[] raw = MailComposer.compose(addressed, settings.sender(), settings.senderName(), messageId, now);
        BlobStore.StoredBlob blob = blobs.put(raw);
        OutboxRecord row = new OutboxRecord(messageId, mail, settings.sender(), blob.sha256(), blob.size(), now);
        em.persist(row);
        em.flush();
        journal.record(event(row, "system", JournalActions.MAIL_QUEUED)
                .withDetail("rawSha256", blob.sha256())
                .withDetail("size", String.valueOf(blob.size()))
                .withDetail("attachments", String.valueOf(mail.attachments().size())));
        if (!deliverable) {
            row.fail("Adresse électronique invalide : « " + OutboxRecord.cut(mail.to(), 200) + " ».", now);
            recordFailure(row, now);
        } else {
            queued.fire(new MailQueued(row.id()));
        }
        return row.id();
    }

    /** The case a reply belongs to, when {@code messageId} is one of the mails Regard sent. */
    public Optional<String> findCaseByMessageId(String messageId) {
        return findByMessageId(messageId).map(OutboxRecord::caseReference);
    }

    public Optional<OutboxRecord> findById(long id) {
        return Optional.ofNullable(em.find(OutboxRecord.class, id));
    }

    /** The queued mail of that Message-ID (with or without angle brackets). */
    public Optional<OutboxRecord> findByMessageId(String messageId) {
        String id = MailComposer.bracketed(messageId);
        if (id == null) {
            return Optional.empty();
        }
        return em.createQuery("select o from OutboxRecord o where o.messageId = :id", OutboxRecord.class)
                .setParameter("id", id).getResultStream().findFirst();
    }

    /** What the DPO and the administrator see of the queue ({@code GET /api/v1/mail/outbox}). */
    public OutboxStatus status(int latest) {
        Map<OutboxState, Long> counts = new EnumMap<>(OutboxState.class);
        for (OutboxState s : OutboxState.values()) {
            counts.put(s, 0L);
        }
        for (Object[] row : em.createQuery("select o.state, count(o) from OutboxRecord o group by o.state",
                Object[].class).getResultList()) {
            counts.put((OutboxState) row[0], ((Number) row[1]).longValue());
        }
        Optional<OutboxRecord> oldest = em.createQuery("select o from OutboxRecord o where o.state in :waiting "
                        + "order by o.queuedAt, o.id", OutboxRecord.class)
                .setParameter("waiting", List.of(OutboxState.QUEUED, OutboxState.SENDING))
                .setMaxResults(1).getResultStream().findFirst();
        Optional<OutboxRecord> lastError = em.createQuery("select o from OutboxRecord o where o.lastError is not null "
                        + "order by o.lastAttemptAt desc nulls last, o.id desc", OutboxRecord.class)
                .setMaxResults(1).getResultStream().findFirst();
        List<OutboxStatus.Item> items = new ArrayList<>();
        em.createQuery("select o from OutboxRecord o order by o.id desc", OutboxRecord.class)
                .setMaxResults(Math.max(1, Math.min(latest, 200))).getResultStream()
                .forEach(o -> items.add(OutboxStatus.Item.of(o)));
        return new OutboxStatus(settings.enabled(), counts, oldest.map(OutboxStatus.Item::of).orElse(null),
                lastError.map(OutboxStatus.Item::of).orElse(null), items);
    }

    /** Journals the failure of a mail and tells what it carries (in the caller's transaction). */
    public void recordFailure(OutboxRecord row, Instant now) {
        journal.record(event(row, "system", JournalActions.MAIL_SEND_FAILED)
                .withDetail("attempts", String.valueOf(row.attempts()))
                .withDetail("reason", row.lastError()));
        changes.fire(new MailDeliveryChanged(row.id(), row.messageId(), row.caseReference(), row.letterId(),
                OutboxState.FAILED, false, now, row.lastError()));
    }

    /** Journals the send of a mail and tells what it carries (in the caller's transaction). */
    public void recordSent(OutboxRecord row, Instant now) {
        journal.record(event(row, "system", JournalActions.MAIL_SENT)
                .withDetail("attempts", String.valueOf(row.attempts())));
        changes.fire(new MailDeliveryChanged(row.id(), row.messageId(), row.caseReference(), row.letterId(),
                OutboxState.SENT, false, now, null));
    }

    static JournalEvent event(OutboxRecord row, String actor, String action) {
        JournalEvent event = row.caseReference() != null
                ? JournalEvent.onCase(actor, "system", action, row.caseReference())
                : JournalEvent.on(actor, "system", action, "mail", row.messageId());
        event = event.withPurpose(PURPOSE).withDetail("messageId", row.messageId()).withDetail("kind", row.kind().name());
        if (row.letterType() != null) {
            event = event.withDetail("letterType", row.letterType());
        }
        return row.letterId() == null ? event : event.withDetail("letterId", String.valueOf(row.letterId()));
    }

    private static OutgoingMail mailTo(OutgoingMail mail, String to) {
        return new OutgoingMail(mail.caseReference(), to, mail.subject(), mail.textBody(), mail.inReplyTo(),
                mail.references(), mail.attachments(), mail.kind(), mail.letterId(), mail.letterType());
    }
}
