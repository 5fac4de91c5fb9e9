package fr.regard.cases.application;

import fr.regard.correspondence.domain.Letter;
import java.time.Instant;

/** A letter of a case as requester and staff see it: type, French title, status ("À émettre" until sent). */
public record LetterView(String type, String title, String status, String statusLabel, String statusNote,
                         Instant preparedAt, Instant sentAt) {

    public static LetterView of(Letter letter) {
        return new LetterView(letter.type().name(), letter.type().title(), letter.status().name(),
                letter.status().label(), letter.statusNote(), letter.preparedAt(), letter.sentAt());
    }
}
