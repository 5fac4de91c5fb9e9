package fr.regard.journal.format;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The RFC 3161 timestamp check of an audit (docs/journal-format.md, "Audit"): each checkpoint's token is verified by
 * the given {@link TimestampCheck}; a valid token also proves that the entries it covers were sequenced before its
 * genTime (5 minutes of clock tolerance).
 */
final class TimestampChecks {

    private TimestampChecks() {
    }

    static void run(CheckpointBook book, EntryStream stream, TimestampCheck check, FindingCollector findings) {
        List<CheckpointBook.Examined> stamped = book.examined().stream()
                .filter(e -> e.evidence().timestampToken().isPresent()).toList();
        if (stamped.isEmpty()) {
            findings.skip(AuditCheck.TIMESTAMPS, "aucun jeton d'horodatage dans le lot");
            return;
        }
        if (check == null) {
            findings.skip(AuditCheck.TIMESTAMPS, stamped.size() + " jeton(s) non vérifié(s) : aucun certificat "
                    + "d'autorité d'horodatage fourni");
            return;
        }
        Instant earliest = null;
        Instant latest = null;
        int valid = 0;
        for (CheckpointBook.Examined e : stamped) {
            long size = e.size();
            long seq = e.checkpoint() == null ? -1 : book.regionStart(size);
            String what = e.checkpoint() == null ? "Point de contrôle de la ligne " + e.line()
                    : "Point de contrôle de taille " + size;
            TimestampCheck.Result result;
            try {
                result = check.check(e.evidence().noteBytes(), e.evidence().timestampToken().orElseThrow());
            } catch (RuntimeException ex) {
                result = TimestampCheck.Result.invalid("jeton illisible (" + ex.getMessage() + ")");
            }
            if (!result.valid()) {
                String message = result.message();
                findings.fail(AuditCheck.TIMESTAMPS, seq, () -> what + " : jeton d'horodatage refusé — " + message);
                continue;
            }
            valid++;
            Optional<Instant> genTime = result.genTime();
            if (genTime.isEmpty()) {
                continue;
            }
            Instant time = genTime.get();
            earliest = earliest == null || time.isBefore(earliest) ? time : earliest;
            latest = latest == null || time.isAfter(latest) ? time : latest;
            Long sequenced = size < 0 ? null : stream.lastSequencedAt(size);
            if (sequenced != null && sequenced != Long.MIN_VALUE
                    && sequenced > UtcMicros.toMicros(time) + EntryStream.RECORDED_AT_TOLERANCE_MICROS) {
                findings.fail(AuditCheck.TIMESTAMPS, seq, () -> what + " horodaté le " + time + ", avant la "
                        + "séquenciation de l'entrée " + (size - 1) + " (" + UtcMicros.toInstant(sequenced) + ")");
            }
        }
        int missing = book.examined().size() - stamped.size();
        findings.summary(AuditCheck.TIMESTAMPS, valid + " jeton(s) valide(s)"
                + (earliest == null ? "" : ", genTime du " + earliest + " au " + latest)
                + (missing > 0 ? " ; " + missing + " point(s) de contrôle sans jeton" : ""));
    }
}
