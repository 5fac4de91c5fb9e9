package fr.regard.archive.domain;

import java.time.Instant;

/**
 * A segment as the index knows it: what the ingest found (camera, span, size, location), the SHA-256 it took of the
 * bytes then, and whether the purge has destroyed it since. The hash is never recomputed: it is what extraction
 * certificates and destruction certificates quote.
 */
public record IndexedSegment(long id, String cameraId, Instant start, Instant end, long size, String sha256,
                             String location, Instant indexedAt, SegmentState state, Instant destroyedAt) {

    /** The archive reference of this segment, to open or delete it. */
    public SegmentRef ref() {
        return new SegmentRef(cameraId, start, end, size, location);
    }
}
