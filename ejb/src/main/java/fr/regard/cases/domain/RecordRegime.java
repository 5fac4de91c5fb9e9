package fr.regard.cases.domain;

/**
 * The legal regime under which the DPO handles a request, recorded on each case at qualification (DOMAIN.md).
 * Video-protection on the public road serves both ordinary purposes (GDPR) and the prevention and detection of
 * offences (police-justice directive, loi 78-17 Titre III); the regime decides which refusal grounds apply and
 * whether a restricted requester is pointed to indirect access through the CNIL.
 */
public enum RecordRegime {
    GDPR_ART15("RGPD art. 15 et loi 78-17 art. 49", "Droit d'accès (RGPD)"),
    LIL_TITRE_III("Loi 78-17 titre III, art. 104 à 111 (art. 105 : accès ; art. 107 et 108 : restrictions, accès indirect)",
            "Droit d'accès (prévention et détection des infractions)");

    private final String legalBasis;
    private final String label;

    RecordRegime(String legalBasis, String label) {
        this.legalBasis = legalBasis;
        this.label = label;
    }

    public String legalBasis() {
        return legalBasis;
    }

    /** French label shown to the DPO and auditors. */
    public String label() {
        return label;
    }
}
