package fr.regard.archive.media;

import java.time.Instant;

/**
 * A mask as it went into an extract: a camera's privacy mask (every frame, {@code from}/{@code to} null) or a third
 * party's (its time range), with the number of output frames it covered — what the extraction record reports.
 */
public record AppliedMask(Kind kind, MaskArea area, Instant from, Instant to, long frames) {

    public enum Kind { PRIVACY, THIRD_PARTY }

    /** Whether it covers a frame shown during {@code [start, end)}. */
    boolean covers(Instant start, Instant end) {
        return kind == Kind.PRIVACY || start.isBefore(to) && end.isAfter(from);
    }

    AppliedMask withFrames(long count) {
        return new AppliedMask(kind, area, from, to, count);
    }
}
