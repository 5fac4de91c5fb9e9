package fr.regard.documents.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * Certificat de purge quotidienne: what the daily purge destroyed (CSI L252-5), per camera: segment count, bytes, the
 * footage window and the SHA-256 of the list of the destroyed segments' hashes, plus what it kept under a hold. Its
 * data file is the batch manifest: the batch id, the RFC 6962 Merkle root over the destroyed segments and every
 * destroyed segment in leaf order (camera, then start), as {@code GET /api/v1/purges/{id}/manifest} lists them, so
 * an auditor recomputes the root from the certificate alone. A batch that destroyed nothing has no camera line.
 */
public record PurgeCertificate(String reference, Instant issuedAt, LocalDate purgeDay, Instant startedAt,
                               Instant finishedAt, int retentionDays, List<CameraPurge> cameras, long segmentsHeld,
                               long batchId, String merkleRoot, List<DestroyedSegment> segments)
        implements DocumentModel {

    /** One destroyed segment, a leaf of the batch's Merkle tree (docs/archive.md "Purge"). */
    public record DestroyedSegment(String cameraId, Instant start, Instant end, long sizeBytes, String sha256) {

        public DestroyedSegment {
            cameraId = Checks.text(cameraId, "segments.cameraId");
            Checks.present(start, "segments.start");
            Checks.present(end, "segments.end");
            Checks.notNegative(sizeBytes, "segments.sizeBytes");
            sha256 = Checks.text(sha256, "segments.sha256");
        }
    }

    /**
     * One camera's part of the batch.
     *
     * @param hashListSha256 SHA-256 (hex) of the destroyed segments' SHA-256 values, in start order, one per line
     */
    public record CameraPurge(String camera, long segments, long bytes, Instant firstStart, Instant lastEnd,
                              String hashListSha256) {

        public CameraPurge {
            camera = Checks.text(camera, "cameras.camera");
            Checks.notNegative(segments, "cameras.segments");
            Checks.notNegative(bytes, "cameras.bytes");
            Checks.present(firstStart, "cameras.firstStart");
            Checks.present(lastEnd, "cameras.lastEnd");
            Checks.ordered(firstStart, lastEnd, "cameras");
            hashListSha256 = Checks.text(hashListSha256, "cameras.hashListSha256");
        }
    }

    public PurgeCertificate {
        reference = Checks.text(reference, "reference");
        Checks.present(issuedAt, "issuedAt");
        Checks.present(purgeDay, "purgeDay");
        Checks.present(startedAt, "startedAt");
        Checks.present(finishedAt, "finishedAt");
        Checks.ordered(startedAt, finishedAt, "purge run");
        cameras = Checks.list(cameras, "cameras");
        Checks.notNegative(segmentsHeld, "segmentsHeld");
        Checks.retentionDays(retentionDays);
        Checks.notNegative(batchId, "batchId");
        merkleRoot = Checks.text(merkleRoot, "merkleRoot");
        segments = Checks.list(segments, "segments");
    }

    /**
     * The reference of the certificate of purge batch {@code batchId} started on {@code purgeDay} (Europe/Paris): what
     * the certificate carries and what letters and attestations cite.
     */
    public static String referenceOf(LocalDate purgeDay, long batchId) {
        return "PURGE-" + purgeDay + "-" + batchId;
    }

    @Override
    public DocumentType type() {
        return DocumentType.PURGE_CERTIFICATE;
    }

    public long segmentsDestroyed() {
        return cameras.stream().mapToLong(CameraPurge::segments).sum();
    }

    public long bytesDestroyed() {
        return cameras.stream().mapToLong(CameraPurge::bytes).sum();
    }
}
