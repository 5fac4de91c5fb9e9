package fr.regard.cases.application;

import fr.regard.correspondence.domain.Letter;
import java.time.Instant;

/**
 * A letter of a case as requester and staff see it: type, French title, status ("Émise" once its sealed document is
 * issued, "À émettre" while it could not be), delivery ("À envoyer" until the mail capability sends it, never claimed
 * otherwise) and its document in the registry.
 */
public record LetterView(String type, String title, String status, String statusLabel, String statusNote,
                         Instant preparedAt, Instant sentAt, Long documentId, String delivery, String deliveryLabel) {

    public static LetterView of(Letter letter) {
        boolean sent = letter.sentAt() != null;
        return new LetterView(letter.type().name(), letter.type().title(), letter.status().name(),
                letter.status().label(), letter.statusNote(), letter.preparedAt(), letter.sentAt(), letter.documentId(),
                sent ? "SENT" : "TO_SEND", sent ? "Envoyée" : "À envoyer");
    }
}
