package fr.regard.journal.format;

import java.util.Objects;
import java.util.OptionalLong;

/**
 * One line of an audit report (docs/journal-format.md, "Audit"): the check it belongs to, its status, a French message
 * (technical details in English may follow it) and the journal seq it names, if any.
 */
public record Finding(AuditCheck check, CheckStatus status, String message, OptionalLong seq) {

    public Finding {
        Objects.requireNonNull(check, "check");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(seq, "seq");
    }

    public boolean passed() {
        return status != CheckStatus.FAILED;
    }
}
