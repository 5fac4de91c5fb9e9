package fr.regard.mail.outbox;

/** A mail was queued: observed after commit to wake the sender at once (the timer would find it anyway). */
public record MailQueued(long outboxId) {
}
