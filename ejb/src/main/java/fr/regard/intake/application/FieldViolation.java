package fr.regard.intake.application;

/**
 * One reason why a request cannot be taken, tied to the field the requester must correct
 * ({@code facts.end}, {@code requester.email}…), in French.
 */
public record FieldViolation(String field, String message) {
}
