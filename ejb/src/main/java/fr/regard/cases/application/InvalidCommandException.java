package fr.regard.cases.application;

import fr.regard.cases.domain.RuleViolation;
import jakarta.ejb.ApplicationException;
import java.util.List;

/** A staff or requester input was refused before anything changed; each violation names a field to correct. */
@ApplicationException(rollback = true)
public class InvalidCommandException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final transient List<RuleViolation> violations;

    public InvalidCommandException(List<RuleViolation> violations) {
        super("Invalid input: " + violations);
        this.violations = List.copyOf(violations);
    }

    public static InvalidCommandException of(String field, String message) {
        return new InvalidCommandException(List.of(new RuleViolation(field, message)));
    }

    public List<RuleViolation> violations() {
        return violations;
    }
}
