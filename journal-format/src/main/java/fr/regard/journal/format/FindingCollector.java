package fr.regard.journal.format;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.function.Supplier;

/**
 * Collects the findings of one audit run (docs/journal-format.md, "Audit"): per check, a summary and the failures,
 * keeping the details of the first {@link #MAX_DETAILS} and counting the others, while tracking the failure that
 * names the smallest seq.
 */
final class FindingCollector {

    static final int MAX_DETAILS = 20;

    private final Map<AuditCheck, List<Finding>> details = new EnumMap<>(AuditCheck.class);
    private final Map<AuditCheck, Long> counts = new EnumMap<>(AuditCheck.class);
    private final Map<AuditCheck, String> summaries = new EnumMap<>(AuditCheck.class);
    private final Map<AuditCheck, String> skipped = new EnumMap<>(AuditCheck.class);
    private Finding first;

    /** Records a failure naming {@code seq} (negative: none); the message is built only if it will be kept. */
    void fail(AuditCheck check, long seq, Supplier<String> message) {
        long count = counts.merge(check, 1L, Long::sum);
        OptionalLong named = seq < 0 ? OptionalLong.empty() : OptionalLong.of(seq);
        boolean keep = count <= MAX_DETAILS;
        boolean earliest = seq >= 0 && (first == null || first.seq().isEmpty() || seq < first.seq().getAsLong()
                || seq == first.seq().getAsLong() && check.ordinal() < first.check().ordinal());
        if (!keep && !earliest && first != null) {
            return;
        }
        Finding finding = new Finding(check, CheckStatus.FAILED, message.get(), named);
        if (keep) {
            details.computeIfAbsent(check, c -> new ArrayList<>()).add(finding);
        }
        if (earliest || first == null) {
            first = finding;
        }
    }

    boolean failed(AuditCheck check) {
        return counts.containsKey(check);
    }

    /** The summary shown when the check passes (a failed check is summed up by its count of failures). */
    void summary(AuditCheck check, String summary) {
        summaries.put(check, summary);
    }

    /** Marks a check as not verified, with the reason; a failure still wins. */
    void skip(AuditCheck check, String why) {
        skipped.put(check, why);
    }

    AuditReport report(AuditReport.Counts counts) {
        List<CheckResult> results = new ArrayList<>();
        for (AuditCheck check : AuditCheck.values()) {
            long failures = this.counts.getOrDefault(check, 0L);
            CheckStatus status = failures > 0 ? CheckStatus.FAILED
                    : skipped.containsKey(check) ? CheckStatus.SKIPPED : CheckStatus.PASSED;
            String summary = switch (status) {
                case FAILED -> failures + (failures > 1 ? " anomalies" : " anomalie");
                case SKIPPED -> skipped.get(check);
                case PASSED -> summaries.getOrDefault(check, "correct");
            };
            List<Finding> kept = new ArrayList<>(details.getOrDefault(check, List.of()));
            kept.sort(Comparator.comparingLong(f -> f.seq().orElse(Long.MAX_VALUE)));
            results.add(new CheckResult(check, status, summary, kept, failures));
        }
        Finding firstFailure = first;
        return new AuditReport(results, firstFailure, counts);
    }
}
