package fr.regard.journal.format;

import java.util.List;
import java.util.Objects;

/**
 * The result of one audit check (docs/journal-format.md, "Audit"): its status, a French summary, the first failures in
 * detail (at most {@value FindingCollector#MAX_DETAILS} kept) and how many failures there were in all.
 */
public record CheckResult(AuditCheck check, CheckStatus status, String summary, List<Finding> failures,
        long failureCount) {

    public CheckResult {
        Objects.requireNonNull(check, "check");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(summary, "summary");
        failures = List.copyOf(failures);
    }

    public boolean failed() {
        return status == CheckStatus.FAILED;
    }
}
