package fr.regard.archive.application;

import fr.regard.archive.domain.ArchiveException;
import fr.regard.archive.domain.HashedSegment;
import fr.regard.archive.domain.IngestProblem;
import fr.regard.archive.domain.IngestReport;
import fr.regard.archive.domain.NoSuchSegmentException;
import fr.regard.archive.domain.RecordingArchive;
import fr.regard.archive.domain.SegmentIndex;
import fr.regard.archive.domain.SegmentListing;
import fr.regard.archive.domain.SegmentRef;
import fr.regard.journal.domain.Journal;
import fr.regard.journal.domain.JournalActions;
import fr.regard.journal.domain.JournalEvent;
import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * One run of the ingest: lists each registered camera's footage from its watermark (newest indexed start minus the
 * lookback), hashes each new settled segment once while streaming it, and commits new segments in bounded
 * transactions, each with its journal event. Idempotent: what is indexed is recognised by camera and start and never
 * hashed again. Tolerant: whatever cannot be indexed becomes an {@link IngestProblem}, counted and reported; only an
 * unreachable archive or a failing database stops a run (outcome {@code FAILED}, what was committed stays).
 *
 * <p>Not a bean: {@code ArchiveIngestService} builds it with the container's transactions; the unit tests build it
 * on an H2 database and a temporary folder.
 */
public class SegmentIngest {

    /** Runs work in a new transaction of its own, committed when it returns. */
    @FunctionalInterface
    public interface Transactions {
        void inNewTransaction(Runnable work);
    }

    static final String PURPOSE = "Indexation des enregistrements vidéo : empreinte SHA-256 prise une fois à l'ingestion";

    static final String LEASE_LOST = "passage arrêté : un autre passage a repris le bail d'indexation (expiré)";

    private static final Logger LOG = Logger.getLogger(SegmentIngest.class.getName());
    private static final HexFormat HEX = HexFormat.of();
    private static final Instant BEGINNING = Instant.EPOCH;

    private final RecordingArchive archive;
    private final SegmentIndex index;
    private final Supplier<Set<String>> registeredCameras;
    private final Journal journal;
    private final Transactions transactions;
    private final IngestPolicy policy;
    private final Clock clock;

    public SegmentIngest(RecordingArchive archive, SegmentIndex index, Supplier<Set<String>> registeredCameras,
                         Journal journal, Transactions transactions, IngestPolicy policy, Clock clock) {
        this.archive = Objects.requireNonNull(archive, "archive");
        this.index = Objects.requireNonNull(index, "index");
        this.registeredCameras = Objects.requireNonNull(registeredCameras, "registeredCameras");
        this.journal = Objects.requireNonNull(journal, "journal");
        this.transactions = Objects.requireNonNull(transactions, "transactions");
        this.policy = Objects.requireNonNull(policy, "policy");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** Thrown when another run holds the ingest lease: nothing was done. */
    public static class BusyException extends RuntimeException {

        private static final long serialVersionUID = 1L;

        public BusyException(String runId) {
            super("Another ingest run holds the lease: " + runId);
        }
    }

    private static final class LeaseLostException extends RuntimeException {

        private static final long serialVersionUID = 1L;

        LeaseLostException() {
            super("The ingest lease was taken over by another run", null, false, false);
        }
    }

    /**
     * Runs the ingest once for {@code actor} (role {@code role}: "system" for the schedule, the staff member for a run
     * asked through the API).
     *
     * @throws BusyException when another run holds the lease
     */
    public IngestReport run(String node, String actor, String role) {
        Run run = new Run(UUID.randomUUID().toString(), node, actor, role, now());
        boolean[] claimed = new boolean[1];
        transactions.inNewTransaction(() -> claimed[0] = index.claimIngest(run.id, node, run.startedAt,
                run.startedAt.plus(policy.lease())));
        if (!claimed[0]) {
            throw new BusyException(index.runningIngest(now()).orElse("?"));
        }
        try {
            scan(run);
        } catch (LeaseLostException e) {
            run.outcome = IngestReport.Outcome.INTERRUPTED;
            run.failure = LEASE_LOST;
            run.pending.clear();
        } catch (RuntimeException e) {
            run.outcome = IngestReport.Outcome.FAILED;
            run.failure = "passage interrompu : " + e.getMessage();
            LOG.log(Level.SEVERE, "Archive ingest run " + run.id + " failed: " + e.getMessage(), e);
        }
        return finish(run);
    }

    private void scan(Run run) {
        Set<String> registered = registeredCameras.get();
        Instant cutoff = run.startedAt.minus(policy.settle());
        for (String camera : archive.cameras()) {
            if (!registered.contains(camera)) {
                run.problem(IngestProblem.Kind.UNKNOWN_CAMERA, camera,
                        "dossier d'une caméra absente du registre : ses segments ne sont pas indexés");
                continue;
            }
            run.cameras++;
            scanCamera(run, camera, cutoff);
        }
    }

    private void scanCamera(Run run, String camera, Instant cutoff) {
        keepLease(run);
        Instant newest = index.newestStart(camera).orElse(null);
        Instant from = newest == null ? BEGINNING : newest.minus(policy.lookback());
        if (!from.isBefore(cutoff)) {
            return;
        }
        SegmentListing listing;
        try {
            listing = archive.segments(List.of(camera), from, cutoff);
        } catch (ArchiveException e) {
            run.problem(IngestProblem.Kind.CAMERA_UNREADABLE, camera, "lecture impossible : " + e.getMessage());
            return;
        }
        listing.skipped().forEach(s -> run.problem(IngestProblem.Kind.SKIPPED_ENTRY, s.location(),
                "entrée ignorée par l'archive : " + s.reason()));
        // what is indexed already, by start; segments overlapping the window start up to the longest segment before it
        Map<Instant, Known> known = new HashMap<>();
        if (newest != null) {
            index.indexedFrom(camera, from.minus(SegmentIndex.LONGEST_SEGMENT))
                    .forEach((start, s) -> known.put(start, new Known(s.location(), s.size())));
        }
        for (SegmentRef segment : listing.segments()) {
            run.listed++;
            if (segment.end().isAfter(cutoff)) {
                run.notSettled++;
                continue;
            }
            if (segment.duration().compareTo(SegmentIndex.LONGEST_SEGMENT) > 0) {
                run.problem(IngestProblem.Kind.SKIPPED_ENTRY, segment.location(), "segment de plus d'une heure");
                continue;
            }
            Known same = known.get(segment.start());
            if (same != null) {
                if (!same.location().equals(segment.location())) {
                    run.problem(IngestProblem.Kind.DUPLICATE_START, segment.location(),
                            "un autre segment de la caméra commence à la même seconde (" + same.location() + ")");
                } else if (same.size() != segment.size()) {
                    run.problem(IngestProblem.Kind.CHANGED_SINCE_INDEXED, segment.location(), "taille " + segment.size()
                            + " octets, " + same.size() + " à l'indexation : l'empreinte enregistrée est conservée");
                } else {
                    run.alreadyIndexed++;
                }
                continue;
            }
            String sha256 = hash(run, segment);
            if (sha256 != null) {
                known.put(segment.start(), new Known(segment.location(), segment.size()));
                run.pending.add(new HashedSegment(segment, sha256));
                if (run.pending.size() >= policy.batchSize()
                        || Duration.between(run.lastCommit, now()).compareTo(policy.batchTime()) >= 0) {
                    commitBatch(run);
                }
            }
        }
    }

    private record Known(String location, long size) {
    }

    /** A long listing without anything to commit still renews the lease in time. */
    private void keepLease(Run run) {
        Instant at = now();
        if (Duration.between(run.lastCommit, at).compareTo(policy.batchTime()) < 0) {
            return;
        }
        if (!run.pending.isEmpty()) {
            commitBatch(run);
            return;
        }
        transactions.inNewTransaction(() -> {
            if (!index.renewIngest(run.id, at.plus(policy.lease()))) {
                throw new LeaseLostException();
            }
        });
        run.lastCommit = at;
    }

    /** SHA-256 of the segment's bytes, streamed; {@code null} (and a problem) when they are not what was listed. */
    private String hash(Run run, SegmentRef segment) {
        MessageDigest digest = run.digest;
        digest.reset();
        long read = 0;
        try (InputStream in = archive.open(segment)) {
            int n;
            while ((n = in.read(run.buffer)) > 0) {
                digest.update(run.buffer, 0, n);
                read += n;
                if (read > segment.size()) {
                    break;
                }
            }
        } catch (NoSuchSegmentException e) {
            run.problem(IngestProblem.Kind.VANISHED, segment.location(), "disparu entre l'inventaire et la lecture");
            return null;
        } catch (IOException | ArchiveException e) {
            run.problem(IngestProblem.Kind.UNREADABLE, segment.location(), "lecture impossible : " + e.getMessage());
            return null;
        }
        run.bytesHashed += read;
        if (read != segment.size()) {
            run.problem(IngestProblem.Kind.CHANGED_WHILE_HASHING, segment.location(), (read > segment.size()
                    ? "plus long" : "plus court") + " que les " + segment.size()
                    + " octets inventoriés (écriture en cours ?) : repris au passage suivant");
            return null;
        }
        return HEX.formatHex(digest.digest());
    }

    private void commitBatch(Run run) {
        List<HashedSegment> batch = List.copyOf(run.pending);
        Instant at = now();
        int[] added = new int[1];
        transactions.inNewTransaction(() -> {
            if (!index.renewIngest(run.id, at.plus(policy.lease()))) {
                throw new LeaseLostException();
            }
            added[0] = index.add(batch, at);
            journal.record(batchEvent(run, batch, added[0]));
        });
        run.counted(batch.size(), added[0]);
        run.pending.clear();
        run.lastCommit = at;
    }

    private IngestReport finish(Run run) {
        List<HashedSegment> batch = List.copyOf(run.pending);
        Instant at = now();
        int[] added = new int[1];
        IngestReport[] report = new IngestReport[1];
        try {
            transactions.inNewTransaction(() -> {
                if (!batch.isEmpty()) {
                    if (!index.renewIngest(run.id, at.plus(policy.lease()))) {
                        throw new LeaseLostException();
                    }
                    added[0] = index.add(batch, at);
                }
                report[0] = run.report(at, batch.size(), added[0]);
                index.finishIngest(report[0]);
                if (report[0].indexed() > 0 || report[0].problemCount() > 0
                        || report[0].outcome() != IngestReport.Outcome.COMPLETED) {
                    journal.record(summaryEvent(run, report[0]));
                }
            });
        } catch (LeaseLostException e) {
            run.outcome = IngestReport.Outcome.INTERRUPTED;
            run.failure = LEASE_LOST;
            run.pending.clear();
            return finish(run);
        } catch (RuntimeException e) {
            LOG.log(Level.SEVERE, "Archive ingest run " + run.id + " could not record its end; its lease expires at "
                    + "the latest " + policy.lease() + " after its last commit", e);
            run.outcome = IngestReport.Outcome.FAILED;
            run.failure = "fin du passage non enregistrée : " + e.getMessage();
            return run.report(at, 0, 0);
        }
        log(report[0]);
        return report[0];
    }

    private static void log(IngestReport report) {
        String line = "Archive ingest " + report.runId() + " " + report.outcome() + ": " + report.cameras()
                + " camera(s), " + report.listed() + " listed, " + report.indexed() + " indexed, "
                + report.alreadyIndexed() + " already indexed, " + report.notSettled() + " not settled, "
                + report.problemCount() + " problem(s) " + report.problems()
                + (report.failure() == null ? "" : ", " + report.failure());
        if (report.problemCount() > 0 || report.outcome() != IngestReport.Outcome.COMPLETED) {
            LOG.warning(line);
        } else if (report.indexed() > 0) {
            LOG.info(line);
        } else {
            LOG.fine(line);
        }
    }

    private JournalEvent batchEvent(Run run, List<HashedSegment> batch, int added) {
        SegmentRef first = batch.get(0).segment();
        SegmentRef last = batch.get(batch.size() - 1).segment();
        return JournalEvent.on(run.actor, run.role, JournalActions.ARCHIVE_SEGMENTS_INDEXED, "archive-ingest", run.id)
                .withPurpose(PURPOSE)
                .withDetail("indexed", Long.toString(added))
                .withDetail("firstSegment", first.location())
                .withDetail("lastSegment", last.location());
    }

    private JournalEvent summaryEvent(Run run, IngestReport report) {
        JournalEvent event = JournalEvent.on(run.actor, run.role, JournalActions.ARCHIVE_INGEST_RUN, "archive-ingest",
                        run.id)
                .withPurpose(PURPOSE)
                .withDetail("outcome", report.outcome().name())
                .withDetail("cameras", Integer.toString(report.cameras()))
                .withDetail("listed", Long.toString(report.listed()))
                .withDetail("indexed", Long.toString(report.indexed()))
                .withDetail("alreadyIndexed", Long.toString(report.alreadyIndexed()))
                .withDetail("notSettled", Long.toString(report.notSettled()))
                .withDetail("problems", Long.toString(report.problemCount()));
        for (Map.Entry<IngestProblem.Kind, Long> count : report.problems().entrySet()) {
            event = event.withDetail("problems." + count.getKey().name(), Long.toString(count.getValue()));
        }
        if (report.failure() != null) {
            event = event.withDetail("failure", abbreviate(report.failure(), 500));
        }
        return event;
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    static String abbreviate(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }

    /** The state of one run while it scans. */
    private static final class Run {
        final String id;
        final String node;
        final String actor;
        final String role;
        final Instant startedAt;
        final MessageDigest digest = sha256();
        final byte[] buffer = new byte[64 * 1024];
        final List<HashedSegment> pending = new ArrayList<>();
        final Map<IngestProblem.Kind, Long> problems = new EnumMap<>(IngestProblem.Kind.class);
        final List<IngestProblem> samples = new ArrayList<>();
        Instant lastCommit;
        IngestReport.Outcome outcome = IngestReport.Outcome.COMPLETED;
        String failure;
        int cameras;
        long listed;
        long indexed;
        long alreadyIndexed;
        long notSettled;
        long bytesHashed;

        Run(String id, String node, String actor, String role, Instant startedAt) {
            this.id = id;
            this.node = node;
            this.actor = actor;
            this.role = role;
            this.startedAt = startedAt;
            this.lastCommit = startedAt;
        }

        void problem(IngestProblem.Kind kind, String location, String reason) {
            problems.merge(kind, 1L, Long::sum);
            IngestProblem problem = new IngestProblem(kind, location, reason);
            if (samples.size() < IngestReport.MAX_SAMPLES) {
                samples.add(problem);
            }
            LOG.info(() -> "Archive ingest " + id + ": " + kind + " " + location + " (" + reason + ")");
        }

        void counted(int sent, int added) {
            indexed += added;
            alreadyIndexed += sent - added; // indexed meanwhile by another run (cannot happen under the lease)
        }

        IngestReport report(Instant finishedAt, int lastSent, int lastAdded) {
            return new IngestReport(id, node, startedAt, finishedAt, outcome, failure, cameras, listed,
                    indexed + lastAdded, alreadyIndexed + lastSent - lastAdded, notSettled, bytesHashed, problems,
                    samples);
        }

        private static MessageDigest sha256() {
            try {
                return MessageDigest.getInstance("SHA-256");
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException("Every Java platform has SHA-256", e);
            }
        }
    }
}
