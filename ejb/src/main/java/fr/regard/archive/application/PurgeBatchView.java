package fr.regard.archive.application;

import java.time.Instant;
import java.util.List;

/**
 * A purge batch as staff and auditors see it (REST, the attestation de destruction): when and why it ran, what it
 * destroyed (totals, span, per camera with the retention and cutoff applied) and the Merkle root of the destroyed
 * segments, and the id of its daily purge certificate once issued (null before, and for RUNNING or FAILED batches).
 * {@code cameras} is empty in lists.
 */
public record PurgeBatchView(long id, String status, String trigger, String triggeredBy, Instant startedAt,
                             Instant finishedAt, int policyRetentionDays, long segments, long bytes, Instant firstStart,
                             Instant lastEnd, String merkleRoot, String failure, String lastError, Long resumedFrom,
                             Long resumedBy, List<Camera> cameras, Long certificateDocumentId) {

    /** One camera in a batch: the retention and cutoff applied, and what was destroyed. */
    public record Camera(String cameraId, int retentionDays, Instant cutoffAt, long segments, long bytes,
                         Instant firstStart, Instant lastEnd) {
    }

    public boolean closed() {
        return !"RUNNING".equals(status);
    }
}
