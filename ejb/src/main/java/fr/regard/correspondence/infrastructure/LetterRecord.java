package fr.regard.correspondence.infrastructure;

import fr.regard.correspondence.domain.Letter;
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
    }

    Letter toLetter() {
        return new Letter(id, caseReference, type, status, statusNote, preparedAt, sentAt, documentId);
    }
}
