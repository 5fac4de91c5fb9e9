package fr.regard.archive.domain;

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
import java.util.Objects;

/**
 * One camera's footage over a half-open window {@code [windowStart, windowEnd)} that the purge must not destroy
 * (table {@code footage_hold}, one row per camera; the rows placed together share a {@code placementId}).
 *
 * <p>Lifecycle: placed (automatically at intake for a case, charter art. 3.2; by the DPO on a judicial requisition,
 * CSI L252-5 exception) → active → possibly flagged "à réexaminer" once past its {@code limitAt} (the legal end of a
 * case hold, the review date of a judicial one) → released, with who and why. A released row stays as the record of
 * what was kept; it never becomes active again.
 *
 * <p>The rule it guards: a segment {@code [s, e)} of the camera is held while the row is active and
 * {@code windowStart < e && windowEnd > s} ({@link #covers}); a segment touching the window only at an edge is not.
 */
@Entity
@Table(name = "footage_hold")
public class FootageHold {

    public static final int MAX_REASON = 1000;
    public static final int MAX_REQUISITION = 100;

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "footage_hold_seq")
    @SequenceGenerator(name = "footage_hold_seq", sequenceName = "footage_hold_seq", allocationSize = 1)
    private Long id;

    @Column(name = "placement_id", nullable = false)
    private long placementId;

    @Enumerated(EnumType.STRING)
    @Column(name = "kind", nullable = false, length = 20)
    private HoldKind kind;

    @Column(name = "case_id")
    private Long caseId;

    @Column(name = "case_reference", length = 20)
    private String caseReference;

    @Column(name = "requisition_reference", length = MAX_REQUISITION)
    private String requisitionReference;

    @Column(name = "camera_id", nullable = false, length = 16)
    private String cameraId;

    @Column(name = "window_start", nullable = false)
    private Instant windowStart;

    @Column(name = "window_end", nullable = false)
    private Instant windowEnd;

    @Column(name = "reason", nullable = false, length = MAX_REASON)
    private String reason;

    @Column(name = "placed_at", nullable = false)
    private Instant placedAt;

    @Column(name = "placed_by", nullable = false, length = 100)
    private String placedBy;

    @Column(name = "limit_at", nullable = false)
    private Instant limitAt;

    @Column(name = "flagged_at")
    private Instant flaggedAt;

    @Column(name = "released_at")
    private Instant releasedAt;

    @Column(name = "released_by", length = 100)
    private String releasedBy;

    @Column(name = "release_reason", length = MAX_REASON)
    private String releaseReason;

    protected FootageHold() {
        // JPA
    }

    /** Use {@link HoldPlacement#rows}: every row of a placement is made there, from one checked placement. */
    FootageHold(HoldPlacement placement, long placementId, String cameraId) {
        this.placementId = placementId;
        this.kind = placement.kind();
        this.caseId = placement.caseId();
        this.caseReference = placement.caseReference();
        this.requisitionReference = placement.requisitionReference();
        this.cameraId = Objects.requireNonNull(cameraId, "cameraId");
        this.windowStart = placement.windowStart();
        this.windowEnd = placement.windowEnd();
        this.reason = placement.reason();
        this.placedAt = placement.placedAt();
        this.placedBy = placement.placedBy();
        this.limitAt = placement.limitAt();
    }

    /** Whether this hold, while active, keeps the camera's segment {@code [start, end)} (half-open overlap). */
    public boolean covers(String camera, Instant start, Instant end) {
        return isActive() && cameraId.equals(camera) && windowStart.isBefore(end) && windowEnd.isAfter(start);
    }

    /** Releases the hold; a released hold stays released (the first release is the one recorded). */
    public boolean release(Instant at, String by, String why) {
        if (!isActive()) {
            return false;
        }
        releasedAt = Objects.requireNonNull(at, "at");
        releasedBy = Objects.requireNonNull(by, "by");
        releaseReason = Objects.requireNonNull(why, "why");
        return true;
    }

    /** Due for review: active and past its limit. */
    public boolean isPastLimit(Instant now) {
        return isActive() && !now.isBefore(limitAt);
    }

    public boolean isActive() {
        return releasedAt == null;
    }

    public Long id() {
        return id;
    }

    public long placementId() {
        return placementId;
    }

    public HoldKind kind() {
        return kind;
    }

    public Long caseId() {
        return caseId;
    }

    public String caseReference() {
        return caseReference;
    }

    public String requisitionReference() {
        return requisitionReference;
    }

    public String cameraId() {
        return cameraId;
    }

    public Instant windowStart() {
        return windowStart;
    }

    public Instant windowEnd() {
        return windowEnd;
    }

    public String reason() {
        return reason;
    }

    public Instant placedAt() {
        return placedAt;
    }

    public String placedBy() {
        return placedBy;
    }

    public Instant limitAt() {
        return limitAt;
    }

    public Instant flaggedAt() {
        return flaggedAt;
    }

    public Instant releasedAt() {
        return releasedAt;
    }

    public String releasedBy() {
        return releasedBy;
    }

    public String releaseReason() {
        return releaseReason;
    }
}
