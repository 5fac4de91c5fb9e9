package fr.regard.correspondence.domain;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A letter of a case as the correspondence register knows it; {@code statusNote} says why it is not issued;
 * {@code documentId} is its sealed document in the registry (null while not issued). {@code delivery} says how it
 * reached the requester: by e-mail ({@code sentAt}, {@code messageId}) or by post ({@code registeredMailNumber},
 * {@code postedOn}, {@code deliveredOn}); {@code deliveryNote} gives the reason of a failure, bounce or return.
 */
public record Letter(long id, String caseReference, LetterType type, LetterStatus status, String statusNote,
                     Instant preparedAt, Instant sentAt, Long documentId, LetterDelivery delivery,
                     String deliveryNote, String messageId, String registeredMailNumber, LocalDate postedOn,
                     LocalDate deliveredOn) {
}
