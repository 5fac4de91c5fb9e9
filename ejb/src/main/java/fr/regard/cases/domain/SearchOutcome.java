package fr.regard.cases.domain;

/** What the operator's search of the recordings found (BPMN variable {@code searchOutcome}). */
public enum SearchOutcome {
    FOUND("Images trouvées"),
    NOT_FOUND("Aucune image ne correspond à la demande"),
    ALREADY_DESTROYED("Images déjà détruites");

    private final String label;

    SearchOutcome(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
