package fr.regard.journal.format;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;

/**
 * The outcome of {@link JournalAudit#run} (docs/journal-format.md, "Audit"): one {@link CheckResult} per
 * {@link AuditCheck}, the first seq in question and the counts. {@link #ok()} is true only if no check failed.
 *
 * <p>{@link #firstBadSeq()} is the smallest seq named by any failure: the exact entry for entry-level failures; for
 * a checkpoint that fails (signature, origin, fork, root, timestamp) the start of the range it newly covers, i.e.
 * the size of the closest valid checkpoint below it (0 if none), unless an entry failure inside that range already
 * explains it; {@code lastSeq + 1} (the first missing seq) for a truncation; the bundle's newest checkpoint size for
 * a rollback. Failures that concern no entry (a missing proof) name no seq.
 */
public final class AuditReport {

    private final List<CheckResult> checks;
    private final Finding firstFailure;
    private final Counts counts;

    AuditReport(List<CheckResult> checks, Finding firstFailure, Counts counts) {
        this.checks = List.copyOf(checks);
        this.firstFailure = firstFailure;
        this.counts = counts;
    }

    /** True when no check failed. */
    public boolean ok() {
        return checks.stream().noneMatch(CheckResult::failed);
    }

    /** One result per check, in {@link AuditCheck} order. */
    public List<CheckResult> checks() {
        return checks;
    }

    public CheckResult check(AuditCheck check) {
        return checks.stream().filter(result -> result.check() == check).findFirst().orElseThrow();
    }

    /** The checks that failed. */
    public Set<AuditCheck> failedChecks() {
        Set<AuditCheck> failed = EnumSet.noneOf(AuditCheck.class);
        checks.stream().filter(CheckResult::failed).forEach(result -> failed.add(result.check()));
        return failed;
    }

    /** All findings in order: for each check, its summary, then its detailed failures. */
    public List<Finding> findings() {
        List<Finding> findings = new ArrayList<>();
        for (CheckResult result : checks) {
            findings.add(new Finding(result.check(), result.status(), result.summary(), OptionalLong.empty()));
            findings.addAll(result.failures());
        }
        return findings;
    }

    /** The smallest seq named by a failure (see the class comment), if any. */
    public OptionalLong firstBadSeq() {
        return firstFailure == null ? OptionalLong.empty() : firstFailure.seq();
    }

    /** The failure naming {@link #firstBadSeq()} (ties go to the earlier check), if any. */
    public Optional<Finding> firstFailure() {
        return Optional.ofNullable(firstFailure);
    }

    public Counts counts() {
        return counts;
    }

    @Override
    public String toString() {
        return "AuditReport[ok=" + ok() + ", firstBadSeq=" + firstBadSeq() + ", failed=" + failedChecks() + ", "
                + counts + "]";
    }

    /**
     * What was audited.
     *
     * @param origin               the log origin of the source
     * @param entries              number of entry positions read
     * @param firstSeq             the source's first seq
     * @param treeSize             size of the tree recomputed from the prefix and the stored leaf hashes
     * @param checkpoints          number of checkpoints given
     * @param validCheckpoints     number of them signed by the pinned key for the right origin
     * @param newestCheckpointSize size of the newest valid checkpoint, -1 if none
     * @param treeSizeAtExport     tree size declared at export, -1 if unknown
     */
    public record Counts(String origin, long entries, long firstSeq, long treeSize, int checkpoints,
            int validCheckpoints, long newestCheckpointSize, long treeSizeAtExport) {

        /** Seq of the last entry position read, {@code firstSeq - 1} if none. */
        public long lastSeq() {
            return firstSeq + entries - 1;
        }
    }
}
