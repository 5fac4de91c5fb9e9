package fr.regard.cases.domain;

/** One business rule a staff input breaks, tied to the input field to correct, in French. */
public record RuleViolation(String field, String message) {
}
