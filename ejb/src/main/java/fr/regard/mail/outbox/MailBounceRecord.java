package fr.regard.mail.outbox;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;

/** A recorded bounce ({@code mail_bounce}, V46); {@code dedupKey} (original, recipient, bounce id) is unique. */
@Entity
@Table(name = "mail_bounce")
public class MailBounceRecord {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "mail_bounce_seq")
    @SequenceGenerator(name = "mail_bounce_seq", sequenceName = "mail_bounce_seq", allocationSize = 1)
    private Long id;

    @Column(name = "dedup_key", nullable = false, length = 600)
    private String dedupKey;

    @Column(name = "original_message_id", nullable = false, length = 250)
    private String originalMessageId;

    @Column(name = "failed_recipient", length = 254)
    private String failedRecipient;

    @Column(name = "status", length = 20)
    private String status;

    @Column(name = "diagnostic", length = 1000)
    private String diagnostic;

    @Column(name = "bounce_message_id", length = 250)
    private String bounceMessageId;

    @Column(name = "case_reference", length = 20)
    private String caseReference;

    @Column(name = "letter_id")
    private Long letterId;

    @Column(name = "recorded_at", nullable = false)
    private Instant recordedAt;

    protected MailBounceRecord() {
        // JPA
    }

    MailBounceRecord(String dedupKey, OutboxRecord mail, String failedRecipient, String status, String diagnostic,
                     String bounceMessageId, Instant recordedAt) {
        this.dedupKey = dedupKey;
        this.originalMessageId = mail.messageId();
        this.failedRecipient = OutboxRecord.cut(failedRecipient, 254);
        this.status = OutboxRecord.cut(status, 20);
        this.diagnostic = OutboxRecord.cut(diagnostic, 1000);
        this.bounceMessageId = OutboxRecord.cut(bounceMessageId, 250);
        this.caseReference = mail.caseReference();
        this.letterId = mail.letterId();
        this.recordedAt = recordedAt;
    }
}
