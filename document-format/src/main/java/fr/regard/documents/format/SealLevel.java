package fr.regard.documents.format;

/**
 * PAdES baseline levels (ETSI EN 319 142-1) of a sealed PDF, lowest first: B-B (signature only), B-T (with an
 * RFC 3161 signature timestamp), B-LT (with the certificates and revocation data in the document's /DSS),
 * B-LTA (with a document timestamp over all of it).
 */
public enum SealLevel {
    B_B("PAdES-BASELINE-B"),
    B_T("PAdES-BASELINE-T"),
    B_LT("PAdES-BASELINE-LT"),
    B_LTA("PAdES-BASELINE-LTA");

    private final String label;

    SealLevel(String label) {
        this.label = label;
    }

    /** The ETSI name, e.g. {@code PAdES-BASELINE-LT}, as EU DSS reports it. */
    public String label() {
        return label;
    }

    /** {@code LT} or {@code B-LT} or {@code PAdES-BASELINE-LT} (any case) to its level. */
    public static SealLevel parse(String text) {
        String key = text.strip().toUpperCase(java.util.Locale.ROOT).replace("PADES-BASELINE-", "").replace("B-", "");
        for (SealLevel level : values()) {
            if (level.name().substring(2).equals(key)) {
                return level;
            }
        }
        throw new IllegalArgumentException("Unknown PAdES level " + text + " (expected B, T, LT or LTA)");
    }
}
