package fr.regard.documents.domain;

import fr.regard.cases.domain.RecordRegime;
import fr.regard.cases.domain.RefusalGround;
import java.time.Instant;
import java.util.List;

/**
 * Refus motivé (or, when {@code partial}, the refused part of a partial answer): each ground comes from the catalogue
 * {@link RefusalGround} and belongs to the case's regime; the DPO's own reasons follow. Every refusal names the
 * remedies (CNIL complaint, tribunal administratif); a loi 78-17 art. 107 ground also opens indirect access through
 * the CNIL (art. 108).
 *
 * @param dpoReasons the DPO's reasons for this case (the controller bears the proof for GDPR art. 12(5))
 */
public record Refusal(String reference, Instant issuedAt, Recipient recipient, Instant receivedAt, RecordRegime regime,
                      boolean partial, List<RefusalGround> grounds, String dpoReasons) implements DocumentModel {

    public Refusal {
        reference = Checks.text(reference, "reference");
        Checks.present(issuedAt, "issuedAt");
        Checks.present(recipient, "recipient");
        Checks.present(receivedAt, "receivedAt");
        Checks.present(regime, "regime");
        grounds = Checks.nonEmpty(grounds, "grounds");
        dpoReasons = Checks.text(dpoReasons, "dpoReasons");
        for (RefusalGround ground : grounds) {
            if (ground.regime() != regime) {
                throw new IllegalArgumentException("The ground " + ground.code() + " does not apply under the regime "
                        + regime.name());
            }
        }
    }

    @Override
    public DocumentType type() {
        return DocumentType.REFUSAL;
    }

    /** Loi 78-17 art. 108: the letter explains indirect access through the CNIL. */
    public boolean opensIndirectAccess() {
        return grounds.stream().anyMatch(RefusalGround::opensIndirectAccess);
    }

    /** The catalogue's French paragraph on indirect access through the CNIL (loi 78-17 art. 108). */
    public String indirectAccessText() {
        return RefusalGround.INDIRECT_ACCESS_TEXT;
    }

    /** The catalogue's French paragraph on remedies: CNIL complaint and tribunal administratif. */
    public String remediesText() {
        return RefusalGround.REMEDIES_TEXT;
    }

    @Override
    public List<LegalBasis> legalBases() {
        return regime == RecordRegime.GDPR_ART15
                ? AccessRegime.with(type().legalBases(), regime)
                : AccessRegime.with(type().legalBases(), regime, LegalBasis.LIL_107, LegalBasis.LIL_108, LegalBasis.LIL_119);
    }
}
