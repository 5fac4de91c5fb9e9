package fr.regard.documents.domain;

import java.time.Instant;
import java.time.LocalDate;

/**
 * Accusé de réception: issued as soon as a request is received. States the receipt date, the facts, that the footage
 * is preserved (a hold is placed at intake), the charter window, the date the answer is due (GDPR art. 12(3)) and
 * where the requester follows the case.
 *
 * @param withinCharterWindow filed within the charter's 8 days (art. 3.2); outside, the letter says the request is still
 *                            handled but the footage may already be destroyed
 * @param retentionDays       the recordings' retention (CSI L252-5), for the letter's explanation
 * @param trackingUrl         the secret link to the case's tracking page
 * @param factsToConfirm      the request (an e-mail) did not state the facts reliably: {@code facts} is the provisional
 *                            window held (the whole retention, every camera) until the DPO states them
 */
public record Acknowledgement(String reference, Instant issuedAt, Recipient recipient, Instant receivedAt,
                              FootageWindow facts, boolean withinCharterWindow, int retentionDays, LocalDate responseDue,
                              String trackingUrl, boolean factsToConfirm) implements DocumentModel {

    public Acknowledgement {
        reference = Checks.text(reference, "reference");
        Checks.present(issuedAt, "issuedAt");
        Checks.present(recipient, "recipient");
        Checks.present(receivedAt, "receivedAt");
        Checks.present(facts, "facts");
        Checks.present(responseDue, "responseDue");
        trackingUrl = Checks.text(trackingUrl, "trackingUrl");
        Checks.retentionDays(retentionDays);
    }

    @Override
    public DocumentType type() {
        return DocumentType.ACKNOWLEDGEMENT;
    }
}
