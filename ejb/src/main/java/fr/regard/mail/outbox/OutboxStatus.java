package fr.regard.mail.outbox;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The queue as the DPO and the administrator see it: whether sending is enabled, how many mails in each state, the
 * oldest still waiting, the last error, and the latest mails.
 */
public record OutboxStatus(boolean sendingEnabled, Map<OutboxState, Long> counts, Item oldestWaiting, Item lastError,
                           List<Item> latest) {

    /** One queued mail, without its content. */
    public record Item(long id, String messageId, String kind, String caseReference, Long letterId, String letterType,
                       String state, String stateLabel, int attempts, Instant queuedAt, Instant nextAttemptAt,
                       Instant lastAttemptAt, String lastError, Instant sentAt, Instant failedAt, Instant copyErasedAt) {

        static Item of(OutboxRecord o) {
            return new Item(o.id(), o.messageId(), o.kind().name(), o.caseReference(), o.letterId(), o.letterType(),
                    o.state().name(), o.state().label(), o.attempts(), o.queuedAt(),
                    o.state() == OutboxState.QUEUED ? o.nextAttemptAt() : null, o.lastAttemptAt(), o.lastError(),
                    o.sentAt(), o.failedAt(), o.rawErasedAt());
        }
    }
}
