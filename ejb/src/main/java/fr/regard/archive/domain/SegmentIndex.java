package fr.regard.archive.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The index of the archive's segments (table {@code footage_segment}) and the ingest's lease and last report (table
 * {@code archive_ingest_state}). Every method runs in the caller's transaction.
 */
public interface SegmentIndex {

    /**
     * The longest segment the index holds, in seconds (the filesystem layout's limit, a technical bound and not a
     * period of the policy): window queries look back this far.
     */
    int LONGEST_SEGMENT_SECONDS = 3600;

    Duration LONGEST_SEGMENT = Duration.ofSeconds(LONGEST_SEGMENT_SECONDS);

    /** Start of the newest indexed segment of a camera: the ingest's watermark. */
    Optional<Instant> newestStart(String cameraId);

    /** Every indexed segment of a camera starting at or after {@code fromStart}, by start. */
    Map<Instant, IndexedSegment> indexedFrom(String cameraId, Instant fromStart);

    /** Adds segments not indexed yet (same camera and start: left alone); returns how many were added. */
    int add(Collection<HashedSegment> segments, Instant indexedAt);

    /**
     * Indexed segments of these cameras overlapping {@code [from, to)} ({@code start < to && end > from}), ordered by
     * start, camera, location; at most {@code limit}.
     */
    List<IndexedSegment> overlapping(Collection<String> cameraIds, Instant from, Instant to, int limit);

    /** Takes the ingest lease when free or expired; {@code false} when another run holds it. */
    boolean claimIngest(String runId, String node, Instant now, Instant until);

    /** Extends the lease of a run; {@code false} when the run lost it (expired and taken by another). */
    boolean renewIngest(String runId, Instant until);

    /** Stores a finished run's report and frees the lease if the run still holds it. */
    void finishIngest(IngestReport report);

    /** The run holding the lease now, if any and not expired. */
    Optional<String> runningIngest(Instant now);

    /** The report of the last finished run. */
    Optional<IngestReport> lastIngest();
}
