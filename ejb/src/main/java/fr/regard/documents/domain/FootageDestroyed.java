package fr.regard.documents.domain;

import java.time.Instant;

/**
 * Réponse "images détruites": the footage the request is about no longer exists; it was destroyed by the automatic
 * purge at the end of the retention (CSI L252-5) before the request could preserve it. Gives the destruction date and
 * the reference of the destruction certificate that goes with the letter.
 */
public record FootageDestroyed(String reference, Instant issuedAt, Recipient recipient, Instant receivedAt,
                               FootageWindow facts, int retentionDays, Instant destroyedAt,
                               String destructionCertificateReference) implements DocumentModel {

    public FootageDestroyed {
        reference = Checks.text(reference, "reference");
        Checks.present(issuedAt, "issuedAt");
        Checks.present(recipient, "recipient");
        Checks.present(receivedAt, "receivedAt");
        Checks.present(facts, "facts");
        Checks.present(destroyedAt, "destroyedAt");
        destructionCertificateReference = Checks.text(destructionCertificateReference, "destructionCertificateReference");
        Checks.retentionDays(retentionDays);
    }

    @Override
    public DocumentType type() {
        return DocumentType.FOOTAGE_DESTROYED;
    }
}
