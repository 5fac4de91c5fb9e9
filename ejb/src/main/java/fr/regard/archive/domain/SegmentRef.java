package fr.regard.archive.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.Objects;

/**
 * One recorded segment as the archive lists it: camera, start (inclusive), end (exclusive), size in bytes and the
 * archive's own opaque key ({@code location}) to open or delete it. Only the archive that listed a segment
 * interprets its location. The SHA-256 taken at ingest belongs to the index (later issue), not to this reference.
 */
public record SegmentRef(String cameraId, Instant start, Instant end, long size, String location) {

    /** The order of every listing: start, then camera, then location. */
    public static final Comparator<SegmentRef> ORDER = Comparator.comparing(SegmentRef::start)
            .thenComparing(SegmentRef::cameraId)
            .thenComparing(SegmentRef::location);

    public SegmentRef {
        CameraIds.check(cameraId);
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(end, "end");
        if (!end.isAfter(start)) {
            throw new IllegalArgumentException("A segment ends after it starts: " + start + " → " + end);
        }
        if (size < 0) {
            throw new IllegalArgumentException("A segment size is never negative: " + size);
        }
        if (location == null || location.isBlank()) {
            throw new IllegalArgumentException("A segment needs its location in the archive");
        }
    }

    public Duration duration() {
        return Duration.between(start, end);
    }

    /** Whether the segment overlaps the half-open window {@code [from, to)}. */
    public boolean overlaps(Instant from, Instant to) {
        return start.isBefore(to) && end.isAfter(from);
    }
}
