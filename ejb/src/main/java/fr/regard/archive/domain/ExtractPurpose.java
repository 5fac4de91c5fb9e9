package fr.regard.archive.domain;

/**
 * Why footage is extracted (DOMAIN.md: every viewing or extraction states a purpose): a category for statistics and
 * audits, always with the operator's own words ({@link FootageExtract#purpose()}).
 */
public enum ExtractPurpose {
    /** A masked copy for the person filmed (GDPR art. 15(3)). */
    ACCESS_COPY("Copie pour la personne concernée (RGPD art. 15(3))"),
    /** The footage shown to the person at the CSU (on-site viewing). */
    ON_SITE_VIEWING("Visionnage sur place par la personne concernée"),
    /** The DPO checks what the footage shows before deciding (third parties, restriction grounds). */
    DPO_REVIEW("Examen par le DPO avant décision");

    private final String label;

    ExtractPurpose(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
