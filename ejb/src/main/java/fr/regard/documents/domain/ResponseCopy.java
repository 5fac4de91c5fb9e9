package fr.regard.documents.domain;

import fr.regard.cases.domain.RecordRegime;
import java.time.Instant;
import java.util.List;

/**
 * Réponse (communication): the masked copy of the footage is available through a secure link until it expires; third
 * parties were masked (GDPR art. 15(4)); free of charge (art. 12(5)).
 *
 * @param thirdPartiesMasked whether other people were masked (false: none was visible)
 */
public record ResponseCopy(String reference, Instant issuedAt, Recipient recipient, RecordRegime regime,
                           FootageWindow facts, String downloadUrl, Instant linkExpiresAt, boolean thirdPartiesMasked)
        implements DocumentModel {

    public ResponseCopy {
        reference = Checks.text(reference, "reference");
        Checks.present(issuedAt, "issuedAt");
        Checks.present(recipient, "recipient");
        Checks.present(regime, "regime");
        Checks.present(facts, "facts");
        downloadUrl = Checks.text(downloadUrl, "downloadUrl");
        Checks.present(linkExpiresAt, "linkExpiresAt");
    }

    @Override
    public DocumentType type() {
        return DocumentType.RESPONSE_COPY;
    }

    @Override
    public List<LegalBasis> legalBases() {
        return AccessRegime.with(type().legalBases(), regime);
    }
}
