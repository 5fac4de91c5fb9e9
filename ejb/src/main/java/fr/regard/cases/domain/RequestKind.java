package fr.regard.cases.domain;

/**
 * What the requester asks for (video-protection charter art. 3.2): to see the recordings that concern them,
 * or to verify that they were destroyed. The code is the prefix of the case reference.
 */
public enum RequestKind {
    ACCESS("DA", "Demande d'accès aux images"),
    VERIFY_DESTRUCTION("VD", "Demande de vérification de la destruction des images");

    private final String referencePrefix;
    private final String label;

    RequestKind(String referencePrefix, String label) {
        this.referencePrefix = referencePrefix;
        this.label = label;
    }

    public String referencePrefix() {
        return referencePrefix;
    }

    /** French label shown to citizens, DPO and auditors. */
    public String label() {
        return label;
    }
}
