package fr.regard.correspondence.infrastructure;

import fr.regard.correspondence.domain.Letter;
import fr.regard.correspondence.domain.LetterDelivery;
import fr.regard.correspondence.domain.LetterStatus;
import fr.regard.correspondence.domain.LetterType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;

/** One row of the correspondence register ({@code case_letter}). */
@Entity
@Table(name = "case_letter")
public class LetterRecord {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "case_letter_seq")
    @SequenceGenerator(name = "case_letter_seq", sequenceName = "case_letter_seq", allocationSize = 1)
    private Long id;

    @Column(name = "case_id", nullable = false)
    private Long caseId;

    @Column(name = "case_reference", nullable = false, length = 20)
    private String caseReference;

    @Enumerated(EnumType.STRING)
    @Column(name = "letter_type", nullable = false, length = 40)
    private LetterType type;

    @Enumerated(EnumType.STRING)
    @Column(name = "status", nullable = false, length = 20)
    private LetterStatus status;

    @Column(name = "status_note", length = 500)
    private String statusNote;

    @Column(name = "particulars", length = 4000)
    private String particulars;

    @Column(name = "prepared_at", nullable = false)
    private Instant preparedAt;

    @Column(name = "sent_at")
    private Instant sentAt;

    @Column(name = "document_id")
    private Long documentId;

    @Enumerated(EnumType.STRING)
    @Column(name = "delivery", nullable = false, length = 20)
    private LetterDelivery delivery;

    @Column(name = "delivery_note", length = 500)
    private String deliveryNote;

    @Column(name = "message_id", length = 250)
    private String messageId;

    @Column(name = "registered_mail_number", length = 40)
    private String registeredMailNumber;

    @Column(name = "posted_on")
    private LocalDate postedOn;

    @Column(name = "delivered_on")
    private LocalDate deliveredOn;

    @Column(name = "delivery_recorded_at")
    private Instant deliveryRecordedAt;

    @Column(name = "delivery_recorded_by", length = 100)
    private String deliveryRecordedBy;

    protected LetterRecord() {
        // JPA
    }

    LetterRecord(Long caseId, String caseReference, LetterType type, LetterStatus status, String statusNote,
                 String particulars, Instant preparedAt, Long documentId) {
        this.caseId = caseId;
        this.caseReference = caseReference;
        this.type = type;
        this.status = status;
        this.statusNote = statusNote;
        this.particulars = particulars;
        this.preparedAt = preparedAt;
        this.documentId = documentId;
        this.delivery = documentId == null ? LetterDelivery.NONE : LetterDelivery.TO_SEND;
    }

    Letter toLetter() {
        return new Letter(id, caseReference, type, status, statusNote, preparedAt, sentAt, documentId, delivery,
                deliveryNote, messageId, registeredMailNumber, postedOn, deliveredOn);
    }

    /** The letter's e-mail is in the outbox under {@code messageId}. */
    void queued(String queuedMessageId) {
        messageId = queuedMessageId;
        delivery = LetterDelivery.QUEUED;
    }

    /**
     * What the outbox reports of the letter's e-mail: SENT (at), FAILED or BOUNCED (with the reason). A report never
     * overrides a postal delivery staff recorded meanwhile (the post is then the letter's channel).
     */
    boolean mailReport(LetterDelivery reported, Instant at, String note) {
        if (delivery == LetterDelivery.POSTED || delivery == LetterDelivery.DELIVERED
                || delivery == LetterDelivery.RETURNED || delivery == reported) {
            return false;
        }
        delivery = reported;
        deliveryNote = note == null ? null : note.length() > 500 ? note.substring(0, 499) + "…" : note;
        if (reported == LetterDelivery.SENT) {
            sentAt = at;
        }
        deliveryRecordedAt = at;
        deliveryRecordedBy = "system";
        return true;
    }

    /** Posted by registered mail on {@code day} under {@code number}, recorded by {@code staffMember}. */
    void posted(String number, LocalDate day, Instant now, String staffMember) {
        delivery = LetterDelivery.POSTED;
        registeredMailNumber = number;
        postedOn = day;
        deliveredOn = null;
        deliveryNote = null;
        deliveryRecordedAt = now;
        deliveryRecordedBy = staffMember;
    }

    /** The post delivered it on {@code day}, or brought it back ({@code returned} reason, {@code day} the return). */
    void postalOutcome(LocalDate day, String returned, Instant now, String staffMember) {
        delivery = returned == null ? LetterDelivery.DELIVERED : LetterDelivery.RETURNED;
        deliveredOn = day;
        deliveryNote = returned;
        deliveryRecordedAt = now;
        deliveryRecordedBy = staffMember;
    }

    Long id() {
        return id;
    }

    String caseReference() {
        return caseReference;
    }

    LetterType type() {
        return type;
    }

    Long documentId() {
        return documentId;
    }

    LetterDelivery delivery() {
        return delivery;
    }

    String messageId() {
        return messageId;
    }

    LocalDate postedOn() {
        return postedOn;
    }
}
