package fr.regard.journal.application;

import jakarta.ejb.ApplicationException;

/** A journal query outside what is published (a tree size not yet signed, a sequence not in the tree). */
@ApplicationException(rollback = true)
public class JournalQueryException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String field;

    public JournalQueryException(String field, String message) {
        super(message);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
