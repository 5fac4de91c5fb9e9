package fr.regard.journal.format;

/**
 * Bytes that are not the canonical encoding of a {@link JournalEntry} version 1 (docs/journal-format.md, "Entry"); the
 * message names the problem, {@link #offset()} the first offending byte when known.
 */
public final class JournalEntryFormatException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    private final int offset;

    public JournalEntryFormatException(String message, int offset) {
        super(message);
        this.offset = offset;
    }

    /** Offset of the first offending byte, or -1 when the problem has no single place. */
    public int offset() {
        return offset;
    }
}
