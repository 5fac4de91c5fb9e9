package fr.regard.documents.domain;

import java.time.Instant;

/**
 * Réponse à une demande de vérification de destruction: the footage of the window is kept beyond the retention for a
 * judicial procedure (CSI L252-5 allows it), so it is not destroyed yet; it will be at the end of the procedure.
 */
public record JudicialHold(String reference, Instant issuedAt, Recipient recipient, Instant receivedAt,
                           FootageWindow facts, int retentionDays) implements DocumentModel {

    public JudicialHold {
        reference = Checks.text(reference, "reference");
        Checks.present(issuedAt, "issuedAt");
        Checks.present(recipient, "recipient");
        Checks.present(receivedAt, "receivedAt");
        Checks.present(facts, "facts");
        Checks.retentionDays(retentionDays);
    }

    @Override
    public DocumentType type() {
        return DocumentType.JUDICIAL_HOLD;
    }
}
