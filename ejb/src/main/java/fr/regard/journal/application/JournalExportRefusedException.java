package fr.regard.journal.application;

import jakarta.ejb.ApplicationException;

/**
 * A journal export that is not issued: a bad period (400, naming the field) or one too large to issue as a single
 * document (422). Nothing was written.
 */
@ApplicationException(rollback = true)
public class JournalExportRefusedException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String field;
    private final boolean tooLarge;

    public JournalExportRefusedException(String field, String message, boolean tooLarge) {
        super(message);
        this.field = field;
        this.tooLarge = tooLarge;
    }

    public String field() {
        return field;
    }

    /** True for a valid period whose export exceeds the configured bounds (422), false for a bad period (400). */
    public boolean tooLarge() {
        return tooLarge;
    }
}
