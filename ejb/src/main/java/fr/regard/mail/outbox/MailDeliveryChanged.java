package fr.regard.mail.outbox;

import java.time.Instant;

/**
 * Fired synchronously, inside the outbox's transaction, whenever a queued mail is sent, fails for good or bounces,
 * so that the register of what it carries (the letter) follows in the same commit.
 *
 * @param state SENT, FAILED, or null for a bounce ({@code bounced} true)
 * @param note  the French reason of a failure or the bounce's diagnostic
 */
public record MailDeliveryChanged(long outboxId, String messageId, String caseReference, Long letterId,
                                  OutboxState state, boolean bounced, Instant at, String note) {
}
