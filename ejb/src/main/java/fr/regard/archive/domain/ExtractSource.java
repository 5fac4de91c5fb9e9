package fr.regard.archive.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import java.time.Instant;

/**
 * A segment an extract was made from, as the index knew it at ingest (id, camera, span, size, SHA-256, location):
 * copied into the extract's record, so that the procès-verbal keeps naming it after the purge destroyed it.
 */
@Embeddable
public class ExtractSource {

    @Column(name = "segment_id", nullable = false)
    private long segmentId;

    @Column(name = "camera_id", nullable = false, length = 16)
    private String cameraId;

    @Column(name = "start_at", nullable = false)
    private Instant start;

    @Column(name = "end_at", nullable = false)
    private Instant end;

    @Column(name = "size_bytes", nullable = false)
    private long size;

    @Column(name = "sha256", nullable = false, length = 64)
    private String sha256;

    @Column(name = "location", nullable = false, length = 300)
    private String location;

    protected ExtractSource() {
        // JPA
    }

    public ExtractSource(long segmentId, String cameraId, Instant start, Instant end, long size, String sha256,
                         String location) {
        this.segmentId = segmentId;
        this.cameraId = cameraId;
        this.start = start;
        this.end = end;
        this.size = size;
        this.sha256 = sha256;
        this.location = location;
    }

    public long segmentId() {
        return segmentId;
    }

    public String cameraId() {
        return cameraId;
    }

    public Instant start() {
        return start;
    }

    public Instant end() {
        return end;
    }

    public long size() {
        return size;
    }

    public String sha256() {
        return sha256;
    }

    public String location() {
        return location;
    }

    /** The archive reference, to read the segment. */
    public SegmentRef ref() {
        return new SegmentRef(cameraId, start, end, size, location);
    }
}
