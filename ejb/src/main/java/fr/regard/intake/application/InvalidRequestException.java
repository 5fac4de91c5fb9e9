package fr.regard.intake.application;

import jakarta.ejb.ApplicationException;
import java.util.List;

/** The request was refused before anything was stored; each violation names a field to correct. */
@ApplicationException(rollback = true)
public class InvalidRequestException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final transient List<FieldViolation> violations;

    public InvalidRequestException(List<FieldViolation> violations) {
        super("Invalid request: " + violations);
        this.violations = List.copyOf(violations);
    }

    public List<FieldViolation> violations() {
        return violations;
    }
}
