package fr.regard.cases.domain;

/** The DPO's answer to an access request (BPMN variable {@code decision}). */
public enum DecisionKind {
    GRANT_COPY("Communication d'une copie masquée", true, false),
    GRANT_VIEWING("Visionnage sur place", true, false),
    PARTIAL("Communication partielle", true, true),
    REFUSAL("Refus motivé", false, true),
    NO_DATA("Aucune donnée", false, false);

    private final String label;
    private final boolean communicatesFootage;
    private final boolean needsGrounds;

    DecisionKind(String label, boolean communicatesFootage, boolean needsGrounds) {
        this.label = label;
        this.communicatesFootage = communicatesFootage;
        this.needsGrounds = needsGrounds;
    }

    public String label() {
        return label;
    }

    /** The requester sees footage: an extract must exist and its third parties must be masked. */
    public boolean communicatesFootage() {
        return communicatesFootage;
    }

    /** A restriction: grounds from the catalogue are required (and forbidden otherwise). */
    public boolean needsGrounds() {
        return needsGrounds;
    }
}
