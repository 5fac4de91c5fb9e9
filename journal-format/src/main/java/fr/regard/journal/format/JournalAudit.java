package fr.regard.journal.format;

import java.io.IOException;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.TreeSet;

/**
 * The verification of a journal (docs/journal-format.md, "Audit"), shared by the offline verifier and by the server's
 * own integrity check. It trusts only the pinned log key (and, through {@link TimestampCheck}, a time-stamping
 * authority) and makes one streaming pass over the entries. Checks: checkpoint signatures and origin; ascending
 * sizes without fork; canonical entries with contiguous seqs and coherent times; recomputed leaf hashes equal to
 * the stored ones; tree roots recomputed from the prefix and the stored hashes equal to every signed root;
 * consistency proofs; coverage without truncation; no rollback from the checkpoint the auditor saw before;
 * timestamps. It may spread the computations over several threads; the report does not depend on how many.
 */
public final class JournalAudit {

    /** Largest number of threads an audit uses by default, whatever the number of processors. */
    public static final int MAX_DEFAULT_THREADS = 4;
    /** Largest number of threads an audit accepts. */
    public static final int MAX_THREADS = 64;

    private JournalAudit() {
    }

    /** The default number of threads of an audit: the available processors, at most {@link #MAX_DEFAULT_THREADS}. */
    public static int defaultThreads() {
        return Math.max(1, Math.min(Runtime.getRuntime().availableProcessors(), MAX_DEFAULT_THREADS));
    }

    /** Audits without known checkpoint nor timestamp verification, on {@link #defaultThreads()} threads. */
    public static AuditReport run(AuditSource source, NoteVerifier pinnedKey) throws IOException {
        return run(source, pinnedKey, Optional.empty(), null);
    }

    /**
     * Audits a source on {@link #defaultThreads()} threads.
     *
     * @param source            what to verify (a bundle, the server's database)
     * @param pinnedKey         the log's verifier key, obtained out of band
     * @param knownCheckpoint   the newest checkpoint the auditor saw before, for the rollback check
     * @param timestampCheck    verifies RFC 3161 tokens; null to skip them
     * @throws IOException only when the source cannot be read; every problem in its content is a finding
     */
    public static AuditReport run(AuditSource source, NoteVerifier pinnedKey, Optional<KnownCheckpoint> knownCheckpoint,
            TimestampCheck timestampCheck) throws IOException {
        return run(source, pinnedKey, knownCheckpoint, timestampCheck, defaultThreads());
    }

    /**
     * Audits a source on {@code threads} threads: 1 does everything on the calling thread; more start
     * {@code threads - 1} workers for the duration of the audit, which verify checkpoint signatures and compute leaf
     * hashes, canonical checks and subtrees while the calling thread reads the entries and makes every finding in
     * order. The report is the same whatever the number of threads.
     *
     * @param threads from 1 to {@link #MAX_THREADS}
     * @throws IOException only when the source cannot be read; every problem in its content is a finding
     */
    public static AuditReport run(AuditSource source, NoteVerifier pinnedKey, Optional<KnownCheckpoint> knownCheckpoint,
            TimestampCheck timestampCheck, int threads) throws IOException {
        return run(source, pinnedKey, knownCheckpoint, timestampCheck, threads, EntryStream.DEFAULT_BATCH);
    }

    /** As {@link #run(AuditSource, NoteVerifier, Optional, TimestampCheck, int)}, with batches of that many entries. */
    static AuditReport run(AuditSource source, NoteVerifier pinnedKey, Optional<KnownCheckpoint> knownCheckpoint,
            TimestampCheck timestampCheck, int threads, int batchSize) throws IOException {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(pinnedKey, "pinnedKey");
        Objects.requireNonNull(knownCheckpoint, "knownCheckpoint");
        if (threads < 1 || threads > MAX_THREADS) {
            throw new IllegalArgumentException("an audit runs on 1 to " + MAX_THREADS + " threads, not " + threads);
        }
        if (batchSize < 1 || Integer.bitCount(batchSize) != 1) {
            throw new IllegalArgumentException("the batch size is a power of two");
        }
        if (threads == 1) {
            return audit(source, pinnedKey, knownCheckpoint, timestampCheck, null, batchSize);
        }
        try (AuditWorkers workers = new AuditWorkers(threads)) {
            return audit(source, pinnedKey, knownCheckpoint, timestampCheck, workers, batchSize);
        }
    }

    private static AuditReport audit(AuditSource source, NoteVerifier pinnedKey,
            Optional<KnownCheckpoint> knownCheckpoint, TimestampCheck timestampCheck, AuditWorkers workers,
            int batchSize) throws IOException {
        FindingCollector findings = new FindingCollector();
        checkStructure(source, findings);
        CheckpointBook book = CheckpointBook.examine(source.checkpoints(), pinnedKey, source.origin(), findings,
                workers);

        Checkpoint known = null;
        String knownProblem = null;
        if (knownCheckpoint.isPresent()) {
            try {
                known = knownCheckpoint.get().open(pinnedKey);
                if (!known.origin().equals(source.origin())) {
                    knownProblem = "origine « " + known.origin() + " » au lieu de « " + source.origin() + " »";
                    known = null;
                }
            } catch (NoteVerificationException e) {
                knownProblem = "il ne vérifie pas avec la clé épinglée (" + e.getMessage() + ")";
            }
        }

        EntryStream stream = new EntryStream(findings, book, source.firstSeq());
        try (EntryCursor cursor = source.entries()) {
            stream.run(cursor, source.prefix(), sizesOfInterest(source, book, known), source.lastSeq(), workers,
                    batchSize);
        }
        LinkChecks links = new LinkChecks(book, stream, findings, source, known);
        links.consistency(source.consistencyProofs());
        links.coverage();
        links.rollback(knownProblem);
        TimestampChecks.run(book, stream, timestampCheck, findings);

        return findings.report(new AuditReport.Counts(source.origin(), stream.positions(), source.firstSeq(),
                stream.treeSize(), book.examined().size(), book.validCount(), book.newestValidSize(),
                source.treeSizeAtExport().orElse(-1)));
    }

    private static void checkStructure(AuditSource source, FindingCollector findings) {
        long first = source.firstSeq();
        long prefixSize = source.prefix().size();
        if (prefixSize != first) {
            findings.fail(AuditCheck.STRUCTURE, Math.min(first, prefixSize), () -> "Le préfixe couvre " + prefixSize
                    + " entrées alors que le lot commence à la séquence " + first);
        }
        OptionalLong last = source.lastSeq();
        if (last.isPresent() && last.getAsLong() < first - 1) {
            findings.fail(AuditCheck.STRUCTURE, -1, () -> "Dernière séquence " + last.getAsLong()
                    + " antérieure à la première (" + first + ")");
        }
        OptionalLong exportSize = source.treeSizeAtExport();
        if (exportSize.isPresent() && last.isPresent() && exportSize.getAsLong() < last.getAsLong() + 1) {
            findings.fail(AuditCheck.STRUCTURE, -1, () -> "Le manifeste annonce un journal de " + exportSize.getAsLong()
                    + " entrées à l'export mais des entrées jusqu'à la séquence " + last.getAsLong());
        }
        findings.summary(AuditCheck.STRUCTURE, "origine « " + source.origin() + " »"
                + (last.isPresent() ? ", séquences " + first + " à " + last.getAsLong() + " annoncées" : "")
                + (exportSize.isPresent() ? ", journal de " + exportSize.getAsLong() + " entrées à l'export" : ""));
    }

    /** The tree sizes whose recomputed roots the later checks need, ascending, from the prefix size on. */
    private static long[] sizesOfInterest(AuditSource source, CheckpointBook book, Checkpoint known) {
        TreeSet<Long> sizes = new TreeSet<>(book.validSizes());
        for (ConsistencyProof proof : source.consistencyProofs()) {
            sizes.add(proof.size1());
            sizes.add(proof.size2());
        }
        if (known != null) {
            sizes.add(known.size());
        }
        return sizes.tailSet(source.prefix().size()).stream().mapToLong(Long::longValue).toArray();
    }
}
