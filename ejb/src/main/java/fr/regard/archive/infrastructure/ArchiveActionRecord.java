package fr.regard.archive.infrastructure;

import fr.regard.archive.domain.ArchiveAction;
import fr.regard.archive.domain.ArchiveActionStatus;
import fr.regard.archive.domain.ArchiveActionType;
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

/** One row of the register of what was asked of the archive for a case ({@code case_action}). */
@Entity
@Table(name = "case_action")
public class ArchiveActionRecord {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "case_action_seq")
    @SequenceGenerator(name = "case_action_seq", sequenceName = "case_action_seq", allocationSize = 1)
    private Long id;

    @Column(name = "case_id", nullable = false)
    private Long caseId;

    @Column(name = "case_reference", nullable = false, length = 20)
    private String caseReference;

    @Enumerated(EnumType.STRING)
    @Column(name = "action_type", nullable = false, length = 30)
    private ArchiveActionType type;

    @Enumerated(EnumType.STRING)
    @Column(name = "status", nullable = false, length = 20)
    private ArchiveActionStatus status;

    @Column(name = "note", length = 1000)
    private String note;

    @Column(name = "window_start")
    private Instant windowStart;

    @Column(name = "window_end")
    private Instant windowEnd;

    @Column(name = "recorded_at", nullable = false)
    private Instant recordedAt;

    protected ArchiveActionRecord() {
        // JPA
    }

    ArchiveActionRecord(Long caseId, String caseReference, ArchiveActionType type, ArchiveActionStatus status,
                        String note, Instant windowStart, Instant windowEnd, Instant recordedAt) {
        this.caseId = caseId;
        this.caseReference = caseReference;
        this.type = type;
        this.status = status;
        this.note = note;
        this.windowStart = windowStart;
        this.windowEnd = windowEnd;
        this.recordedAt = recordedAt;
    }

    ArchiveAction toAction() {
        return new ArchiveAction(id, caseReference, type, status, note, recordedAt);
    }
}
