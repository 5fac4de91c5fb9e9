package fr.regard.archive.domain;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Objects;

/**
 * What a placement holds before it becomes rows: its kind, case or requisition, half-open window, reason, author and
 * limit. Checked here so that no row can be written without a reason, a case for a case hold, or a requisition for
 * a judicial one.
 *
 * <p>A window given as one instant ({@code start == end}, "vers 14 h 30") would hold nothing under half-open
 * overlap: it is widened to the {@link #POINT_WIDTH_SECONDS} seconds that follow, so the segment recorded at that
 * instant is kept.
 */
public record HoldPlacement(HoldKind kind, Long caseId, String caseReference, String requisitionReference,
                            Instant windowStart, Instant windowEnd, String reason, Instant placedAt, String placedBy,
                            Instant limitAt) {

    public static final int POINT_WIDTH_SECONDS = 1;

    public HoldPlacement {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(windowStart, "windowStart");
        Objects.requireNonNull(windowEnd, "windowEnd");
        Objects.requireNonNull(placedAt, "placedAt");
        Objects.requireNonNull(limitAt, "limitAt");
        if (windowEnd.isBefore(windowStart)) {
            throw new IllegalArgumentException("a hold window ends after it starts");
        }
        if (windowEnd.equals(windowStart)) {
            windowEnd = windowStart.plusSeconds(POINT_WIDTH_SECONDS);
        }
        if (reason == null || reason.isBlank() || reason.strip().length() > FootageHold.MAX_REASON) {
            throw new IllegalArgumentException("a hold states its reason (1 to " + FootageHold.MAX_REASON + " characters)");
        }
        reason = reason.strip();
        if (placedBy == null || placedBy.isBlank()) {
            throw new IllegalArgumentException("a hold names who placed it");
        }
        if (kind == HoldKind.CASE && (caseId == null || caseReference == null)) {
            throw new IllegalArgumentException("a case hold belongs to a case");
        }
        if (caseId == null != (caseReference == null)) {
            throw new IllegalArgumentException("a case is given by its id and its reference");
        }
        if (kind == HoldKind.JUDICIAL && (requisitionReference == null || requisitionReference.isBlank()
                || requisitionReference.strip().length() > FootageHold.MAX_REQUISITION)) {
            throw new IllegalArgumentException("a judicial hold cites its requisition (1 to "
                    + FootageHold.MAX_REQUISITION + " characters)");
        }
        requisitionReference = requisitionReference == null ? null : requisitionReference.strip();
    }

    /** One row per camera, all sharing {@code placementId}. */
    public List<FootageHold> rows(long placementId, Collection<String> cameras) {
        return cameras.stream().distinct().sorted().map(camera -> new FootageHold(this, placementId, camera)).toList();
    }

    /** The same placement over other cameras (the operator narrows a case hold): same window, kind, case and limit. */
    public static HoldPlacement sameAs(FootageHold row, Instant at, String by, String why) {
        return new HoldPlacement(row.kind(), row.caseId(), row.caseReference(), row.requisitionReference(),
                row.windowStart(), row.windowEnd(), why, at, by, row.limitAt());
    }
}
