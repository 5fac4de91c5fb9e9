package fr.regard.archive.application;

import fr.regard.platform.infrastructure.NodeName;
import fr.regard.archive.domain.CameraRepository;
import fr.regard.archive.domain.IngestReport;
import fr.regard.archive.domain.RecordingArchive;
import fr.regard.archive.domain.SegmentIndex;
import fr.regard.journal.domain.Journal;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

/**
 * Runs the ingest (on schedule or when staff ask) and tells how the last run went, from the database, so that every
 * node of a cluster gives the same answer. One run at a time across the cluster: the lease in
 * {@code archive_ingest_state} (docs/archive.md).
 */
@ApplicationScoped
public class ArchiveIngestService {

    /** Where the ingest stands: the run in progress (if any) and the last finished run's report. */
    public record Status(Optional<String> runningRun, Optional<IngestReport> last) {
    }

    @Inject
    RecordingArchive archive;

    @Inject
    SegmentIndex index;

    @Inject
    CameraRepository cameras;

    @Inject
    Journal journal;

    @Inject
    SegmentIngest.Transactions transactions;

    @Inject
    IngestPolicy policy;

    Clock clock = Clock.systemUTC();

    /**
     * Runs the ingest now, in the calling thread, and returns its report.
     *
     * @throws SegmentIngest.BusyException when a run is in progress (on this node or another)
     */
    public IngestReport runNow(String actor, String role) {
        SegmentIngest ingest = new SegmentIngest(archive, index, this::registeredCameras, journal, transactions, policy,
                clock);
        return ingest.run(NodeName.current(), actor, role);
    }

    public Status status() {
        return new Status(index.runningIngest(Instant.now(clock)), index.lastIngest());
    }

    private Set<String> registeredCameras() {
        Set<String> ids = new HashSet<>();
        transactions.inNewTransaction(() -> ids.addAll(cameras.ids()));
        return ids;
    }
}
