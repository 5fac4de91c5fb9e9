package fr.regard.documents.domain;

import java.time.Instant;
import java.time.LocalDate;

/**
 * Relance : the complement asked for (décret 2019-536) has not arrived; recalls the deadline, after which the request
 * is closed.
 */
public record ComplementReminder(String reference, Instant issuedAt, Recipient recipient, Instant receivedAt,
                                 LocalDate complementDue, String trackingUrl) implements DocumentModel {

    public ComplementReminder {
        reference = Checks.text(reference, "reference");
        Checks.present(issuedAt, "issuedAt");
        Checks.present(recipient, "recipient");
        Checks.present(receivedAt, "receivedAt");
        Checks.present(complementDue, "complementDue");
        trackingUrl = Checks.text(trackingUrl, "trackingUrl");
    }

    @Override
    public DocumentType type() {
        return DocumentType.COMPLEMENT_REMINDER;
    }
}
