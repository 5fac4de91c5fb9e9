package fr.regard.archive.domain;

/** Why footage is held: for a citizen's case, or on a judicial requisition (CSI L252-5 exception). */
public enum HoldKind {
    CASE("Gel pour une demande d'accès"),
    JUDICIAL("Gel sur réquisition judiciaire");

    private final String label;

    HoldKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
