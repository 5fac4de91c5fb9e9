package fr.regard.intake.application;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * What a request must say to be taken in. Deliberately lenient on time: facts older than the charter window or
 * the retention are accepted (the case is flagged later and answered, never silently dropped).
 */
final class RequestRules {

    /** Clocks of a browser or a mail server may run a little ahead of ours. */
    static final Duration CLOCK_TOLERANCE = Duration.ofMinutes(5);

    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");

    private RequestRules() {
    }

    static List<FieldViolation> check(NewRequest request, Instant now) {
        List<FieldViolation> violations = new ArrayList<>();
        if (request.kind() == null) {
            violations.add(new FieldViolation("kind", "Le type de demande est obligatoire."));
        }
        text(violations, "requester.firstName", request.firstName(), 100, true);
        text(violations, "requester.lastName", request.lastName(), 100, true);
        text(violations, "requester.email", request.email(), 254, request.channel() != fr.regard.cases.domain.IntakeChannel.LETTER);
        if (request.email() != null && !request.email().isBlank() && !EMAIL.matcher(request.email().strip()).matches()) {
            violations.add(new FieldViolation("requester.email", "L'adresse électronique n'est pas valide."));
        }
        text(violations, "facts.place", request.place(), 500, true);
        text(violations, "facts.description", request.description(), 4000, false);
        Instant latest = now.plus(CLOCK_TOLERANCE);
        if (request.factsStart() == null) {
            violations.add(new FieldViolation("facts.start", "Le début des faits est obligatoire."));
        } else if (request.factsStart().isAfter(latest)) {
            violations.add(new FieldViolation("facts.start", "Le début des faits ne peut pas être dans le futur."));
        }
        if (request.factsEnd() == null) {
            violations.add(new FieldViolation("facts.end", "La fin des faits est obligatoire."));
        } else {
            if (request.factsEnd().isAfter(latest)) {
                violations.add(new FieldViolation("facts.end", "La fin des faits ne peut pas être dans le futur."));
            }
            if (request.factsStart() != null && request.factsEnd().isBefore(request.factsStart())) {
                violations.add(new FieldViolation("facts.end", "La fin des faits précède leur début."));
            }
        }
        return violations;
    }

    private static void text(List<FieldViolation> violations, String field, String value, int maxLength, boolean required) {
        if (value == null || value.isBlank()) {
            if (required) {
                violations.add(new FieldViolation(field, "Ce champ est obligatoire."));
            }
        } else if (value.strip().length() > maxLength) {
            violations.add(new FieldViolation(field, "Ce champ dépasse " + maxLength + " caractères."));
        }
    }
}
