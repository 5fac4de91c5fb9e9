package fr.regard.reports.application;

import jakarta.ejb.ApplicationException;

/** A report that cannot be issued for what was asked (a year not yet begun, out of range); nothing was written. */
@ApplicationException(rollback = true)
public class ReportRefusedException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String field;

    public ReportRefusedException(String field, String message) {
        super(message);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
