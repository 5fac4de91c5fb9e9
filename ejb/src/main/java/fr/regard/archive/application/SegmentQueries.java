package fr.regard.archive.application;

import fr.regard.archive.domain.CameraRepository;
import fr.regard.archive.domain.IndexedSegment;
import fr.regard.archive.domain.SegmentIndex;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;

/**
 * Finds indexed segments for a case window: the segments of the given cameras overlapping the half-open window
 * {@code [from, to)}, with the same semantics as {@code RecordingArchive.segments}, ordered by start, camera, location.
 */
@ApplicationScoped
public class SegmentQueries {

    /** The widest window one query may ask for, in hours (a bound on the answer's size, not a period of the policy). */
    public static final int MAX_WINDOW_HOURS = 24;
    public static final Duration MAX_WINDOW = Duration.ofHours(MAX_WINDOW_HOURS);
    /** The most segments one query returns (a day of one-minute segments is 1,440 per camera). */
    public static final int MAX_SEGMENTS = 10_000;

    /** The segments found, and whether more overlap the window than {@link #MAX_SEGMENTS}. */
    public record Found(List<IndexedSegment> segments, boolean truncated) {
    }

    @Inject
    SegmentIndex index;

    @Inject
    CameraRepository cameras;

    public boolean cameraExists(String cameraId) {
        return cameras.find(cameraId).isPresent();
    }

    /**
     * @throws IllegalArgumentException when {@code to} is before {@code from} or the window is wider than
     *     {@link #MAX_WINDOW}
     */
    public Found overlapping(Collection<String> cameraIds, Instant from, Instant to) {
        if (to.isBefore(from)) {
            throw new IllegalArgumentException("The window ends before it starts: " + from + " → " + to);
        }
        if (Duration.between(from, to).compareTo(MAX_WINDOW) > 0) {
            throw new IllegalArgumentException("The window is wider than " + MAX_WINDOW + ": " + from + " → " + to);
        }
        List<IndexedSegment> found = index.overlapping(cameraIds, from, to, MAX_SEGMENTS + 1);
        return found.size() > MAX_SEGMENTS ? new Found(found.subList(0, MAX_SEGMENTS), true) : new Found(found, false);
    }
}
