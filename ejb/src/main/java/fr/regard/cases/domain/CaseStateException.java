package fr.regard.cases.domain;

/**
 * A step was asked of a case in a status that does not allow it (e.g. a withdrawal after closure). Nothing was
 * changed; the message is French, for the person who asked.
 */
public class CaseStateException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String code;

    public CaseStateException(String code, String message) {
        super(message);
        this.code = code;
    }

    /** Stable machine-readable reason, e.g. {@code case-closed}, {@code already-extended}. */
    public String code() {
        return code;
    }
}
