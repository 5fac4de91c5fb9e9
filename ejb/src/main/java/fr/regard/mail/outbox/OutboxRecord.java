package fr.regard.mail.outbox;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Duration;
import java.time.Instant;
import java.util.function.DoubleSupplier;

/**
 * One queued mail ({@code mail_outbox}, V45) and its state machine (docs/mail.md "Outbox"):
 * QUEUED →(claim)→ SENDING →(accepted)→ SENT; SENDING →(temporary failure)→ QUEUED with a backoff, or FAILED once the
 * mail is older than the maximum age; SENDING →(permanent refusal)→ FAILED. A SENDING row whose lease ran out (its
 * node stopped mid-send) may be claimed again: the same message, same Message-ID, is sent again.
 */
@Entity
@Table(name = "mail_outbox")
public class OutboxRecord {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "mail_outbox_seq")
    @SequenceGenerator(name = "mail_outbox_seq", sequenceName = "mail_outbox_seq", allocationSize = 1)
    private Long id;

    @Column(name = "message_id", nullable = false, length = 250, updatable = false)
    private String messageId;

    @Enumerated(EnumType.STRING)
    @Column(name = "kind", nullable = false, length = 30, updatable = false)
    private OutgoingMail.Kind kind;

    @Column(name = "case_reference", length = 20, updatable = false)
    private String caseReference;

    @Column(name = "letter_id", updatable = false)
    private Long letterId;

    @Column(name = "letter_type", length = 40, updatable = false)
    private String letterType;

    @Column(name = "sender", nullable = false, length = 254, updatable = false)
    private String sender;

    @Column(name = "recipient", nullable = false, length = 254, updatable = false)
    private String recipient;

    @Column(name = "subject", nullable = false, length = 500, updatable = false)
    private String subject;

    @Column(name = "raw_sha256", nullable = false, length = 64, updatable = false)
    private String rawSha256;

    @Column(name = "raw_size", nullable = false, updatable = false)
    private long rawSize;

    @Enumerated(EnumType.STRING)
    @Column(name = "state", nullable = false, length = 10)
    private OutboxState state;

    @Column(name = "attempts", nullable = false)
    private int attempts;

    @Column(name = "queued_at", nullable = false, updatable = false)
    private Instant queuedAt;

    @Column(name = "next_attempt_at", nullable = false)
    private Instant nextAttemptAt;

    @Column(name = "lease_owner", length = 100)
    private String leaseOwner;

    @Column(name = "lease_until")
    private Instant leaseUntil;

    @Column(name = "last_attempt_at")
    private Instant lastAttemptAt;

    @Column(name = "last_error", length = 1000)
    private String lastError;

    @Column(name = "sent_at")
    private Instant sentAt;

    @Column(name = "failed_at")
    private Instant failedAt;

    /** When the stored copy of the message was erased (a sent tracking link: its secret is not kept). */
    @Column(name = "raw_erased_at")
    private Instant rawErasedAt;

    protected OutboxRecord() {
        // JPA
    }

    /** A new mail, QUEUED and due at once. */
    OutboxRecord(String messageId, OutgoingMail mail, String sender, String rawSha256, long rawSize, Instant now) {
        this.messageId = messageId;
        this.kind = mail.kind();
        this.caseReference = mail.caseReference();
        this.letterId = mail.letterId();
        this.letterType = mail.letterType();
        this.sender = sender;
        this.recipient = mail.to();
        this.subject = cut(mail.subject(), 500);
        this.rawSha256 = rawSha256;
        this.rawSize = rawSize;
        this.state = OutboxState.QUEUED;
        this.queuedAt = now;
        this.nextAttemptAt = now;
    }

    /** May a node take it now: queued and due, or claimed by a node whose lease ran out. */
    boolean claimable(Instant now) {
        return state == OutboxState.QUEUED && !nextAttemptAt.isAfter(now)
                || state == OutboxState.SENDING && leaseUntil != null && leaseUntil.isBefore(now);
    }

    /** Takes it for {@code node} until {@code now + lease}; false when it is not {@link #claimable} (someone has it). */
    boolean claim(String node, Instant now, Duration lease) {
        if (!claimable(now)) {
            return false;
        }
        state = OutboxState.SENDING;
        attempts++;
        leaseOwner = node;
        leaseUntil = now.plus(lease);
        lastAttemptAt = now;
        return true;
    }

    /** The mail server accepted it. False when it was already recorded SENT (nothing changes). */
    boolean sent(Instant now) {
        if (state == OutboxState.SENT) {
            return false;
        }
        state = OutboxState.SENT;
        sentAt = now;
        lastError = null;
        release();
        return true;
    }

    /**
     * A temporary failure (server unreachable, 4xx): queued again after the backoff, or FAILED when the mail has
     * waited {@code maxAge} since it was queued. Returns the new state.
     */
    OutboxState retryLater(String error, Instant now, Backoff backoff, DoubleSupplier random, Duration maxAge) {
        if (state == OutboxState.SENT || state == OutboxState.FAILED) {
            return state;
        }
        Instant next = now.plus(backoff.delay(Math.max(1, attempts), random));
        if (!next.isBefore(queuedAt.plus(maxAge))) {
            return fail("Abandon après " + attempts + " tentative" + (attempts > 1 ? "s" : "") + " depuis le "
                    + FrenchTimes.dateTime(queuedAt) + " : " + error, now);
        }
        state = OutboxState.QUEUED;
        nextAttemptAt = next;
        lastError = cut(error, 1000);
        release();
        return state;
    }

    /** Refused for good (5xx, invalid address) or given up. Returns FAILED (or SENT if it was sent meanwhile). */
    OutboxState fail(String error, Instant now) {
        if (state == OutboxState.SENT) {
            return state;
        }
        state = OutboxState.FAILED;
        failedAt = now;
        lastError = cut(error, 1000);
        release();
        return state;
    }

    private void release() {
        leaseOwner = null;
        leaseUntil = null;
    }

    static String cut(String text, int max) {
        return text == null || text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }

    public Long id() {
        return id;
    }

    public String messageId() {
        return messageId;
    }

    public OutgoingMail.Kind kind() {
        return kind;
    }

    public String caseReference() {
        return caseReference;
    }

    public Long letterId() {
        return letterId;
    }

    public String letterType() {
        return letterType;
    }

    public String sender() {
        return sender;
    }

    public String recipient() {
        return recipient;
    }

    public String subject() {
        return subject;
    }

    public String rawSha256() {
        return rawSha256;
    }

    public long rawSize() {
        return rawSize;
    }

    public OutboxState state() {
        return state;
    }

    public int attempts() {
        return attempts;
    }

    public Instant queuedAt() {
        return queuedAt;
    }

    public Instant nextAttemptAt() {
        return nextAttemptAt;
    }

    public String leaseOwner() {
        return leaseOwner;
    }

    public Instant leaseUntil() {
        return leaseUntil;
    }

    public Instant lastAttemptAt() {
        return lastAttemptAt;
    }

    public String lastError() {
        return lastError;
    }

    public Instant rawErasedAt() {
        return rawErasedAt;
    }

    void rawErased(Instant now) {
        rawErasedAt = now;
    }

    public Instant sentAt() {
        return sentAt;
    }

    public Instant failedAt() {
        return failedAt;
    }
}
