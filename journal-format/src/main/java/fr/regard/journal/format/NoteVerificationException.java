package fr.regard.journal.format;

import java.util.Objects;

/** Why a C2SP signed note (c2sp.org/signed-note) was rejected. */
public final class NoteVerificationException extends Exception {

    private static final long serialVersionUID = 1L;

    /** The kinds of rejection. */
    public enum Reason {
        /** Not a well-formed signed note, or (for a checkpoint) not a well-formed checkpoint body. */
        MALFORMED,
        /** Well-formed, but no signature from a known key: the text must be ignored. */
        NO_KNOWN_SIGNATURE,
        /** A signature from a known key does not verify. */
        INVALID_SIGNATURE,
        /** Two different known keys share the key name and key ID of a signature. */
        AMBIGUOUS_KEY
    }

    private final Reason reason;

    NoteVerificationException(Reason reason, String message) {
        super(message);
        this.reason = Objects.requireNonNull(reason, "reason");
    }

    NoteVerificationException(Reason reason, String message, Throwable cause) {
        super(message, cause);
        this.reason = Objects.requireNonNull(reason, "reason");
    }

    public Reason reason() {
        return reason;
    }
}
