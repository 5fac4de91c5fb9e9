package fr.regard.documents.domain;

import java.time.Instant;

/**
 * Réponse "aucune image vous concernant": the search of the cameras near the place over the window found no footage
 * of the requester (GDPR art. 15: the controller confirms whether it processes data about the person).
 */
public record NoData(String reference, Instant issuedAt, Recipient recipient, Instant receivedAt, FootageWindow facts)
        implements DocumentModel {

    public NoData {
        reference = Checks.text(reference, "reference");
        Checks.present(issuedAt, "issuedAt");
        Checks.present(recipient, "recipient");
        Checks.present(receivedAt, "receivedAt");
        Checks.present(facts, "facts");
    }

    @Override
    public DocumentType type() {
        return DocumentType.NO_DATA;
    }
}
