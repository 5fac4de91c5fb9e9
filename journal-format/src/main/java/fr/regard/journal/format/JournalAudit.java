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
 * timestamps.
 */
public final class JournalAudit {

    private JournalAudit() {
    }

    /** Audits without known checkpoint nor timestamp verification. */
    public static AuditReport run(AuditSource source, NoteVerifier pinnedKey) throws IOException {
        return run(source, pinnedKey, Optional.empty(), null);
    }

    /**
     * Audits a source.
     *
     * @param source            what to verify (a bundle, the server's database)
     * @param pinnedKey         the log's verifier key, obtained out of band
     * @param knownCheckpoint   the newest checkpoint the auditor saw before, for the rollback check
     * @param timestampCheck    verifies RFC 3161 tokens; null to skip them
     * @throws IOException only when the source cannot be read; every problem in its content is a finding
     */
    public static AuditReport run(AuditSource source, NoteVerifier pinnedKey, Optional<KnownCheckpoint> knownCheckpoint,
            TimestampCheck timestampCheck) throws IOException {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(pinnedKey, "pinnedKey");
        Objects.requireNonNull(knownCheckpoint, "knownCheckpoint");
        FindingCollector findings = new FindingCollector();
        checkStructure(source, findings);
        CheckpointBook book = CheckpointBook.examine(source.checkpoints(), pinnedKey, source.origin(), findings);

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
            stream.run(cursor, source.prefix(), sizesOfInterest(source, book, known), source.lastSeq());
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
