package fr.regard.mail.outbox;

import fr.regard.journal.domain.Journal;
import fr.regard.journal.domain.JournalActions;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.Optional;

/**
 * Records the delivery status notifications (bounces) the mail reader finds for our own mails (docs/mail.md): the
 * letter the bounced mail carried becomes "non distribuée", {@code MAIL_BOUNCED} is journalled on its case and the
 * case shows the DPO a flag asking to send the letter by post. The same bounce read twice changes nothing.
 */
@ApplicationScoped
public class Bounces {

    @PersistenceContext(unitName = "regard")
    EntityManager em;

    @Inject
    Outbox outbox;

    @Inject
    Journal journal;

    @Inject
    Event<MailDeliveryChanged> changes;

    Clock clock = Clock.systemUTC();

    /** What recording a bounce did. */
    public enum Outcome {
        /** Recorded against one of our mails (and its letter, if it carried one). */
        RECORDED,
        /** The same bounce was already recorded: nothing changed. */
        ALREADY_RECORDED,
        /** The bounced Message-ID is not one of ours: nothing recorded (the reader journals the mail as ignored). */
        UNKNOWN_MESSAGE
    }

    /**
     * Records a bounce of {@code originalMessageId} (in the caller's transaction, or a new one).
     *
     * @param failedRecipient the address that failed, as the notification says (may be null)
     * @param status          the DSN status such as 5.1.1 (may be null)
     * @param diagnostic      the server's diagnostic text (may be null)
     * @param bounceMessageId the Message-ID of the notification itself (may be null): with the original and the
     *                        recipient it makes the bounce unique
     */
    @Transactional
    public Outcome record(String originalMessageId, String failedRecipient, String status, String diagnostic,
                          String bounceMessageId) {
        Optional<OutboxRecord> original = outbox.findByMessageId(originalMessageId);
        if (original.isEmpty()) {
            return Outcome.UNKNOWN_MESSAGE;
        }
        OutboxRecord mail = original.get();
        String recipient = failedRecipient == null ? mail.recipient() : failedRecipient.strip();
        String key = dedupKey(mail.messageId(), recipient, bounceMessageId);
        Long existing = em.createQuery("select count(b) from MailBounceRecord b where b.dedupKey = :key", Long.class)
                .setParameter("key", key).getSingleResult();
        if (existing > 0) {
            return Outcome.ALREADY_RECORDED;
        }
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        String note = explanation(status, diagnostic);
        em.persist(new MailBounceRecord(key, mail, recipient, status, diagnostic,
                MailComposer.bracketed(bounceMessageId), now));
        em.flush();
        journal.record(Outbox.event(mail, "system", JournalActions.MAIL_BOUNCED)
                .withDetail("status", status == null ? "" : status)
                .withDetail("diagnostic", OutboxRecord.cut(diagnostic == null ? "" : diagnostic, 500))
                .withDetail("bounceMessageId", bounceMessageId == null ? "" : MailComposer.bracketed(bounceMessageId)));
        changes.fire(new MailDeliveryChanged(mail.id(), mail.messageId(), mail.caseReference(), mail.letterId(), null,
                true, now, note));
        return Outcome.RECORDED;
    }

    /** The French note the DPO reads: the diagnostic, or the status when the server gave no text. */
    static String explanation(String status, String diagnostic) {
        String text = diagnostic == null || diagnostic.isBlank() ? null : diagnostic.strip();
        if (text == null) {
            return status == null || status.isBlank() ? "le serveur du destinataire n'a pas donné de raison"
                    : "statut " + status.strip();
        }
        return OutboxRecord.cut(status == null || status.isBlank() ? text : text + " (statut " + status.strip() + ")", 400);
    }

    private static String dedupKey(String messageId, String recipient, String bounceMessageId) {
        String bounce = MailComposer.bracketed(bounceMessageId);
        return OutboxRecord.cut(messageId + "|" + (recipient == null ? "" : recipient.toLowerCase(Locale.ROOT)) + "|"
                + (bounce == null ? "" : bounce), 600);
    }
}
