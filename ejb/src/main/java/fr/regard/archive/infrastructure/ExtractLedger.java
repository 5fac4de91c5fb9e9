package fr.regard.archive.infrastructure;

import fr.regard.archive.application.ExtractJson;
import fr.regard.archive.domain.ExtractOutput;
import fr.regard.archive.domain.ExtractSource;
import fr.regard.archive.domain.ExtractStatus;
import fr.regard.archive.domain.FootageExtract;
import fr.regard.archive.domain.FootageExtractRepository;
import fr.regard.archive.domain.IndexedSegment;
import fr.regard.archive.domain.PrivacyMask;
import fr.regard.archive.domain.SegmentIndex;
import fr.regard.archive.domain.SegmentState;
import fr.regard.archive.domain.ThirdPartyMask;
import fr.regard.journal.domain.Journal;
import fr.regard.journal.domain.JournalActions;
import fr.regard.journal.domain.JournalEvent;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The state changes of a running extraction, each in its own transaction with its journal event (the worker runs
 * outside any transaction, for minutes): claim, progress (which also reads a cancellation), success, failure,
 * cancellation, and the recovery of runs a stopped node left behind.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
public class ExtractLedger {

    /** One extract is one camera for at most 24 hours: a day of one-minute segments is 1,440. */
    static final int MAX_SOURCES = 5_000;

    @Inject
    FootageExtractRepository extracts;

    @Inject
    SegmentIndex index;

    @Inject
    Journal journal;

    Clock clock = Clock.systemUTC();

    /** What a worker needs to run one extract. */
    public record Job(long id, String caseReference, String cameraId, Instant from, Instant to,
                      List<ExtractSource> sources, List<ThirdPartyMask> thirdParties, List<PrivacyMask> privacyMasks,
                      String outputLocation) {
    }

    /**
     * Takes a queued extract and fixes the segments it is made from (present in the index over its window, with their
     * SHA-256 at ingest). Empty when it is no longer queued (another worker has it, or it was cancelled).
     */
    public Optional<Job> claim(long id, String node) {
        FootageExtract e = extracts.lock(id).orElse(null);
        Instant now = now();
        if (e == null || !e.claim(node, now)) {
            return Optional.empty();
        }
        List<ExtractSource> sources = new ArrayList<>();
        for (IndexedSegment s : index.overlapping(List.of(e.cameraId()), e.windowStart(), e.windowEnd(),
                MAX_SOURCES)) {
            if (s.state() == SegmentState.PRESENT) {
                sources.add(new ExtractSource(s.id(), s.cameraId(), s.start(), s.end(), s.size(), s.sha256(),
                        s.location()));
            }
        }
        e.useSources(sources);
        journal.record(event(e, JournalActions.FOOTAGE_EXTRACT_STARTED)
                .withDetail("node", node)
                .withDetail("attempt", String.valueOf(e.attempts()))
                .withDetail("sourceSegments", String.valueOf(sources.size())));
        return Optional.of(new Job(id, e.caseReference(), e.cameraId(), e.windowStart(), e.windowEnd(), sources,
                ExtractJson.thirdParties(e.masks()), ExtractJson.privacyMasks(e.masks()),
                ExtractFiles.locationOf(e.caseReference(), id, e.cameraId())));
    }

    /** Stores the progress (the worker calls it at most once a second); {@code true} when a cancellation was asked. */
    public boolean progress(long id, long done, long total) {
        FootageExtract e = extracts.find(id).orElseThrow();
        e.progress(done, total, now());
        return e.cancelRequested();
    }

    /**
     * Records the finished file; {@code false} when a cancellation (or the destruction of the case's extracts)
     * arrived meanwhile: the extract is cancelled instead and the worker deletes the file.
     */
    public boolean succeed(long id, ExtractOutput output) {
        FootageExtract e = extracts.lock(id).orElseThrow();
        if (e.cancelRequested()) {
            e.cancelled(now());
            journal.record(event(e, JournalActions.FOOTAGE_EXTRACT_CANCELLED).withDetail("stopped", "after output"));
            return false;
        }
        e.succeed(output, now());
        journal.record(event(e, JournalActions.FOOTAGE_EXTRACT_DONE)
                .withDetail("sha256", output.sha256())
                .withDetail("size", String.valueOf(output.size()))
                .withDetail("frames", String.valueOf(output.frames()))
                .withDetail("engine", output.engine()));
        return true;
    }

    public void fail(long id, String reason) {
        FootageExtract e = extracts.lock(id).orElseThrow();
        if (e.status() != ExtractStatus.RUNNING) {
            return;
        }
        e.fail(reason, now());
        journal.record(event(e, JournalActions.FOOTAGE_EXTRACT_FAILED).withDetail("failure", e.failure()));
    }

    public void cancelled(long id) {
        FootageExtract e = extracts.lock(id).orElseThrow();
        if (e.status() == ExtractStatus.RUNNING) {
            e.cancelled(now());
            journal.record(event(e, JournalActions.FOOTAGE_EXTRACT_CANCELLED).withDetail("stopped", "while running"));
        }
    }

    /**
     * Runs a stopped node left behind (this node's at its start, or any without progress since {@code staleBefore}):
     * queued again, or failed after {@link FootageExtract#MAX_ATTEMPTS}. Returns the ids queued again.
     */
    public List<Long> recover(String node, Instant staleBefore) {
        List<Long> requeued = new ArrayList<>();
        for (long id : extracts.interrupted(node, staleBefore)) {
            FootageExtract e = extracts.lock(id).orElseThrow();
            if (e.status() != ExtractStatus.RUNNING) {
                continue;
            }
            String previousNode = e.runNode();
            boolean again = e.interrupted("Extraction interrompue (arrêt ou redémarrage du serveur " + previousNode
                    + ").", now());
            String action = again ? JournalActions.FOOTAGE_EXTRACT_REQUEUED
                    : e.status() == ExtractStatus.CANCELLED ? JournalActions.FOOTAGE_EXTRACT_CANCELLED
                    : JournalActions.FOOTAGE_EXTRACT_FAILED;
            journal.record(event(e, action).withDetail("interruptedOn", String.valueOf(previousNode))
                    .withDetail("attempts", String.valueOf(e.attempts())));
            if (again) {
                requeued.add(id);
            }
        }
        return requeued;
    }

    public List<Long> queued(int max) {
        return extracts.withStatus(ExtractStatus.QUEUED, max);
    }

    private JournalEvent event(FootageExtract e, String action) {
        // The extraction is the act of whoever asked for it (operator, DPO, or the system for a workflow step); the
        // worker only carries it out.
        return JournalEvent.onCase(e.requestedBy(), e.requestedRole(), action, e.caseReference())
                .withPurpose(e.purpose())
                .withDetail("extract", String.valueOf(e.id()))
                .withDetail("camera", e.cameraId())
                .withDetail("status", e.status().name());
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
