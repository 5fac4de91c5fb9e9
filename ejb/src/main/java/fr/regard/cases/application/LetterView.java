package fr.regard.cases.application;

import fr.regard.correspondence.domain.Letter;
import fr.regard.correspondence.domain.LetterDelivery;
import fr.regard.mail.outbox.FrenchTimes;
import java.time.Instant;
import java.time.LocalDate;

/**
 * A letter of a case as requester and staff see it: type, French title, status ("Émise" once its sealed document is
 * issued, "À émettre" while it could not be), its real delivery (docs/mail.md "Letters by e-mail and by post") with a
 * French label that says when and how ("Envoyée par courriel le …", "Postée en recommandé n° … le …", "Distribuée le
 * …"), and its document in the registry.
 */
public record LetterView(long id, String type, String title, String status, String statusLabel, String statusNote,
                         Instant preparedAt, Instant sentAt, Long documentId, String delivery, String deliveryLabel,
                         String deliveryNote, String registeredMailNumber, LocalDate postedOn, LocalDate deliveredOn) {

    public static LetterView of(Letter letter) {
        return new LetterView(letter.id(), letter.type().name(), letter.type().title(), letter.status().name(),
                letter.status().label(), letter.statusNote(), letter.preparedAt(), letter.sentAt(), letter.documentId(),
                letter.delivery().name(), deliveryLabel(letter), letter.deliveryNote(), letter.registeredMailNumber(),
                letter.postedOn(), letter.deliveredOn());
    }

    static String deliveryLabel(Letter letter) {
        LetterDelivery d = letter.delivery();
        return switch (d) {
            case SENT -> letter.sentAt() == null ? d.label() : d.label() + " le " + FrenchTimes.dateTime(letter.sentAt());
            case POSTED -> d.label() + " n° " + letter.registeredMailNumber()
                    + (letter.postedOn() == null ? "" : " le " + FrenchTimes.date(letter.postedOn()));
            case DELIVERED -> letter.deliveredOn() == null ? d.label()
                    : d.label() + " le " + FrenchTimes.date(letter.deliveredOn());
            case RETURNED -> d.label() + (letter.deliveredOn() == null ? "" : " le "
                    + FrenchTimes.date(letter.deliveredOn())) + " : " + letter.deliveryNote();
            default -> d.label();
        };
    }

    /** What the DPO must do about this letter's delivery, in French; null when nothing. */
    public String flag() {
        return switch (delivery) {
            case "BOUNCED" -> "Courriel non distribué : " + deliveryNote + " — envoyer la lettre par la poste (« "
                    + title + " »).";
            case "FAILED" -> "Échec d'envoi du courriel : " + deliveryNote + " — envoyer la lettre par la poste (« "
                    + title + " »).";
            case "RETURNED" -> "Lettre recommandée retournée : " + deliveryNote + " — vérifier l'adresse du demandeur "
                    + "(« " + title + " »).";
            default -> null;
        };
    }
}
