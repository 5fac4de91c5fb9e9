package fr.regard.archive.application;

import fr.regard.archive.domain.FootageHold;
import fr.regard.archive.domain.HoldKind;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;

/**
 * One placement of holds as staff read it: its cameras (the active ones while it is active; once released, those
 * the final release let go), window, why and by whom, its limit, and whether it is "à réexaminer"
 * ({@code flagged}, with a French {@code flagNote}).
 */
public record HoldView(long id, HoldKind kind, String kindLabel, String caseReference, String requisitionReference,
                       List<String> cameras, Instant windowStart, Instant windowEnd, String reason, Instant placedAt,
                       String placedBy, Instant limitAt, boolean active, boolean flagged, String flagNote,
                       Instant flaggedAt, Instant releasedAt, String releasedBy, String releaseReason) {

    /** The rows of one placement, as one view at {@code now}. */
    static HoldView of(List<FootageHold> rows, Instant now, HoldTexts texts) {
        FootageHold first = rows.stream().min(Comparator.comparing(FootageHold::id)).orElseThrow();
        boolean active = rows.stream().anyMatch(FootageHold::isActive);
        FootageHold lastRelease = active ? null : rows.stream()
                .max(Comparator.comparing(FootageHold::releasedAt)).orElseThrow();
        // active: the cameras still held; released: those the final release let go (not those narrowed out before)
        List<String> cameras = rows.stream()
                .filter(r -> active ? r.isActive() : r.releasedAt().equals(lastRelease.releasedAt()))
                .map(FootageHold::cameraId).distinct().sorted().toList();
        boolean flagged = active && !now.isBefore(first.limitAt());
        Instant flaggedAt = rows.stream().map(FootageHold::flaggedAt).filter(java.util.Objects::nonNull).min(Instant::compareTo)
                .orElse(null);
        return new HoldView(first.placementId(), first.kind(), first.kind().label(), first.caseReference(),
                first.requisitionReference(), cameras, first.windowStart(), first.windowEnd(), first.reason(),
                first.placedAt(), first.placedBy(), first.limitAt(), active, flagged,
                flagged ? texts.flagNote(first) : null, flaggedAt,
                lastRelease == null ? null : lastRelease.releasedAt(),
                lastRelease == null ? null : lastRelease.releasedBy(),
                lastRelease == null ? null : lastRelease.releaseReason());
    }
}
