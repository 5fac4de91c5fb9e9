package fr.regard.cases.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import java.time.Instant;
import java.util.Objects;

/**
 * The DPO's answer to an access request: its kind, the DPO's own reasons (added to the catalogue grounds kept on the
 * case), and for an on-site viewing the appointment and, later, whether it took place.
 */
@Embeddable
public class Decision {

    @Enumerated(EnumType.STRING)
    @Column(name = "decision", length = 20)
    private DecisionKind kind;

    @Column(name = "decision_note", length = 4000)
    private String note;

    @Column(name = "viewing_at")
    private Instant viewingAt;

    @Column(name = "viewing_place", length = 500)
    private String viewingPlace;

    @Enumerated(EnumType.STRING)
    @Column(name = "viewing_outcome", length = 20)
    private ViewingOutcome viewingOutcome;

    @Column(name = "decided_at")
    private Instant decidedAt;

    @Column(name = "decided_by", length = 100)
    private String decidedBy;

    protected Decision() {
        // JPA
    }

    public Decision(DecisionKind kind, String note, Instant viewingAt, String viewingPlace, String decidedBy,
                    Instant decidedAt) {
        this.kind = Objects.requireNonNull(kind, "kind");
        this.note = note == null || note.isBlank() ? null : note.strip();
        this.viewingAt = viewingAt;
        this.viewingPlace = viewingPlace;
        this.decidedBy = Objects.requireNonNull(decidedBy, "decidedBy");
        this.decidedAt = Objects.requireNonNull(decidedAt, "decidedAt");
    }

    Decision withViewingOutcome(ViewingOutcome outcome) {
        Decision copy = new Decision(kind, note, viewingAt, viewingPlace, decidedBy, decidedAt);
        copy.viewingOutcome = Objects.requireNonNull(outcome, "outcome");
        return copy;
    }

    Decision withoutPersonalData() {
        Decision copy = new Decision(kind, null, viewingAt, viewingPlace, decidedBy, decidedAt);
        copy.viewingOutcome = viewingOutcome;
        return copy;
    }

    public DecisionKind kind() {
        return kind;
    }

    public String note() {
        return note;
    }

    public Instant viewingAt() {
        return viewingAt;
    }

    public String viewingPlace() {
        return viewingPlace;
    }

    public ViewingOutcome viewingOutcome() {
        return viewingOutcome;
    }

    public Instant decidedAt() {
        return decidedAt;
    }

    public String decidedBy() {
        return decidedBy;
    }
}
