package fr.regard.archive.domain;

import java.io.InputStream;
import java.time.Instant;
import java.util.Collection;
import java.util.SortedSet;

/**
 * The recording archive (seam): the per-camera segment files the video-protection system writes, as Regard reads
 * and destroys them. The default is {@code FilesystemRecordingArchive} (one folder per camera); a production VMS
 * connector implements the same contract and passes the same test kit ({@code RecordingArchiveContract}).
 *
 * <p>The contract, in full in {@code docs/archive.md}:
 * <ul>
 * <li>A window is half-open, {@code [from, to)}: a segment belongs to it when it overlaps it
 * ({@code start < to && end > from}); a segment ending exactly at {@code from} or starting exactly at {@code to}
 * does not.</li>
 * <li>Listings are ordered by start, then camera id, then location; they never stop on one bad entry: what cannot
 * be read as a segment is skipped and reported in {@link SegmentListing#skipped()}.</li>
 * <li>An unknown camera has no segments (an empty listing, not an error); a camera id that is not a
 * {@linkplain CameraIds#check safe id} is refused with {@link IllegalArgumentException} before any I/O.</li>
 * <li>{@link #delete} is verified: it answers {@code true} only when the segment was there and is gone now.</li>
 * </ul>
 * Failures of the archive itself (unreachable mount, permissions) are {@link ArchiveException}s.
 */
public interface RecordingArchive {

    /** Segments of the given cameras overlapping {@code [from, to)}, ordered, with the entries skipped. */
    SegmentListing segments(Collection<String> cameraIds, Instant from, Instant to);

    /**
     * Opens a segment listed by this archive for reading; the caller closes the stream.
     *
     * @throws NoSuchSegmentException when the segment is no longer there (purged, moved)
     */
    InputStream open(SegmentRef segment);

    /**
     * Destroys a segment and checks it is gone.
     *
     * @return {@code true} when the segment was present and is now gone; {@code false} when it was already absent
     * @throws ArchiveException when it could not be destroyed, or the stored segment is not the one listed
     */
    boolean delete(SegmentRef segment);

    /** Ids of the cameras that have footage in the archive (or at least a folder), sorted. */
    SortedSet<String> cameras();
}
