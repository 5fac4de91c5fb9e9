package fr.regard.archive.domain;

import java.time.Instant;
import java.util.List;

/** Where holds are kept; see {@link FootageHold} for their rule. */
public interface FootageHoldRepository {

    /** A new placement number, shared by the rows of one placement. */
    long nextPlacementId();

    void add(FootageHold hold);

    /** Every row of a placement, by camera (empty: no such placement). */
    List<FootageHold> placement(long placementId);

    /** Every row (active or released) of a case's holds, by placement then camera. */
    List<FootageHold> ofCase(String caseReference);

    /** Rows matching the filter, by placement then camera; see {@link HoldFilter}. */
    List<FootageHold> find(HoldFilter filter);

    /** Whether an active hold on that camera overlaps {@code [start, end)}. */
    boolean isHeld(String cameraId, Instant start, Instant end);

    /** Placements with an active row past its limit and never flagged, oldest limit first. */
    List<Long> placementsToFlag(Instant now, int max);

    /** Marks the placement's active rows flagged at {@code now} unless already flagged; how many rows changed. */
    int markFlagged(long placementId, Instant now);
}
