package fr.regard.archive.domain;

import java.time.Instant;

/**
 * Which holds to list: {@code active} (true: not released; false: released; null: both), one case, one camera,
 * {@code flaggedAsOf} (non-null: only active holds past their limit at that instant, "à réexaminer").
 */
public record HoldFilter(Boolean active, String caseReference, String cameraId, Instant flaggedAsOf) {

    public static final HoldFilter ALL = new HoldFilter(null, null, null, null);
}
