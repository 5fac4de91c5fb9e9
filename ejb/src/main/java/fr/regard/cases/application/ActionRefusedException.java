package fr.regard.cases.application;

import jakarta.ejb.ApplicationException;

/**
 * A request on a case or a task was refused as a whole (not found, not allowed for the caller's role, or in conflict
 * with its state); nothing changed. The message is French, for the person who asked.
 */
@ApplicationException(rollback = true)
public class ActionRefusedException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public enum Reason { NOT_FOUND, FORBIDDEN, CONFLICT }

    private final Reason reason;
    private final String code;

    public ActionRefusedException(Reason reason, String code, String message) {
        super(message);
        this.reason = reason;
        this.code = code;
    }

    public Reason reason() {
        return reason;
    }

    /** Stable machine-readable reason, e.g. {@code task-claimed-by-another}. */
    public String code() {
        return code;
    }
}
