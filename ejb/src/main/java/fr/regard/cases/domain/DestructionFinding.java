package fr.regard.cases.domain;

/** What a verify-destruction request found about its footage window (BPMN variable {@code destructionStatus}). */
public enum DestructionFinding {
    DESTROYED("Images détruites"),
    PENDING("Destruction à venir"),
    JUDICIAL_HOLD("Images conservées pour une procédure judiciaire");

    private final String label;

    DestructionFinding(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
