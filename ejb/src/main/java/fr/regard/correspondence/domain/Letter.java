package fr.regard.correspondence.domain;

import java.time.Instant;

/**
 * A letter of a case as the correspondence register knows it; {@code statusNote} says why it is not sent yet;
 * {@code documentId} is its sealed document in the registry (null while not issued).
 */
public record Letter(long id, String caseReference, LetterType type, LetterStatus status, String statusNote,
                     Instant preparedAt, Instant sentAt, Long documentId) {
}
