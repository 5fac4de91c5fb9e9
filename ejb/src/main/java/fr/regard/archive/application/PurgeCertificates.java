package fr.regard.archive.application;

import fr.regard.archive.infrastructure.HeldSegments;
import fr.regard.calendar.domain.LegalCalendar;
import fr.regard.documents.domain.DocumentLanguage;
import fr.regard.documents.domain.PurgeCertificate;
import fr.regard.documents.registry.DocumentIssuer;
import fr.regard.documents.registry.IssuedDocument;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * Issues the certificat de purge quotidienne of a COMPLETED batch (docs/documents.md "Institutional documents"),
 * exactly once: the batch row is locked, its {@code certificate_document_id} (V31) checked, the document issued and
 * the id recorded in the same transaction. A retried step finds the id and issues nothing; a step that failed before
 * committing left no row (an unreferenced blob at most). RUNNING and FAILED batches get none.
 */
@ApplicationScoped
public class PurgeCertificates {

    private static final Logger LOG = Logger.getLogger(PurgeCertificates.class.getName());

    @PersistenceContext(unitName = "regard")
    EntityManager em;

    @Inject
    PurgeQueries queries;

    @Inject
    DocumentIssuer issuer;

    Clock clock = Clock.systemUTC();

    /** The certificate of the batch: the one already issued, a new one, or empty for a batch not COMPLETED. */
    @Transactional(Transactional.TxType.REQUIRED)
    public Optional<Long> issueFor(long batchId) {
        List<?> rows = em.createNativeQuery("select status, certificate_document_id from purge_batch where id = ?1 "
                + "for update").setParameter(1, batchId).getResultList();
        if (rows.isEmpty()) {
            throw new IllegalArgumentException("Aucun lot de purge n° " + batchId);
        }
        Object[] row = (Object[]) rows.get(0);
        if (row[1] != null) {
            return Optional.of(((Number) row[1]).longValue());
        }
        if (!"COMPLETED".equals(String.valueOf(row[0]).strip())) {
            LOG.info(() -> "Purge batch " + batchId + " is " + row[0] + ": no purge certificate");
            return Optional.empty();
        }
        PurgeBatchView batch = queries.batch(batchId).orElseThrow();
        PurgeCertificate model = certificate(batch, heldAtCutoff(batchId), clock.instant());
        IssuedDocument document = issuer.issue(model, DocumentLanguage.FR, null, null, "system", null);
        em.createNativeQuery("update purge_batch set certificate_document_id = ?1 where id = ?2")
                .setParameter(1, document.id()).setParameter(2, batchId).executeUpdate();
        return Optional.of(document.id());
    }

    /** The certificate's data: the batch, its cameras (those that lost segments) and every destroyed segment. */
    PurgeCertificate certificate(PurgeBatchView batch, long held, Instant now) {
        List<PurgeCertificate.DestroyedSegment> segments = new ArrayList<>();
        queries.destroyedSegments(batch.id(), (camera, start, end, size, sha256) ->
                segments.add(new PurgeCertificate.DestroyedSegment(camera, start, end, size, sha256)));
        LocalDate day = LocalDate.ofInstant(batch.startedAt(), LegalCalendar.PARIS);
        return new PurgeCertificate(PurgeCertificate.referenceOf(day, batch.id()), now, day, batch.startedAt(), batch.finishedAt(),
                batch.policyRetentionDays(), cameras(segments), held, batch.id(), batch.merkleRoot(), segments);
    }

    /**
     * Per camera, in manifest order: count, bytes, span, and the SHA-256 of the segments' SHA-256 values in start
     * order, each followed by a line feed.
     */
    static List<PurgeCertificate.CameraPurge> cameras(List<PurgeCertificate.DestroyedSegment> segments) {
        Map<String, List<PurgeCertificate.DestroyedSegment>> byCamera = new LinkedHashMap<>();
        segments.forEach(s -> byCamera.computeIfAbsent(s.cameraId(), k -> new ArrayList<>()).add(s));
        List<PurgeCertificate.CameraPurge> cameras = new ArrayList<>();
        byCamera.forEach((camera, list) -> {
            MessageDigest digest = sha256();
            list.forEach(s -> digest.update((s.sha256() + "\n").getBytes(StandardCharsets.US_ASCII)));
            cameras.add(new PurgeCertificate.CameraPurge(camera, list.size(),
                    list.stream().mapToLong(PurgeCertificate.DestroyedSegment::sizeBytes).sum(),
                    list.stream().map(PurgeCertificate.DestroyedSegment::start).min(Instant::compareTo).orElseThrow(),
                    list.stream().map(PurgeCertificate.DestroyedSegment::end).max(Instant::compareTo).orElseThrow(),
                    HexFormat.of().formatHex(digest.digest())));
        });
        return cameras;
    }

    /** Segments past the batch's cutoff of their camera that are still present because a hold keeps them. */
    private long heldAtCutoff(long batchId) {
        return ((Number) em.createNativeQuery("select count(*) from footage_segment s join purge_batch_camera p "
                        + "on p.batch_id = ?1 and p.camera_id = s.camera_id where s.state = 'PRESENT' "
                        + "and s.end_at <= p.cutoff_at and not " + HeldSegments.notHeld("s"))
                .setParameter(1, batchId).getSingleResult()).longValue();
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
