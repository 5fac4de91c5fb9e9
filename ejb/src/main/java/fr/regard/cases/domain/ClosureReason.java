package fr.regard.cases.domain;

/** Why a case was closed. */
public enum ClosureReason {
    ANSWERED("Réponse apportée"),
    MISSING_COMPLEMENT("Complément non reçu dans le délai");

    private final String label;

    ClosureReason(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
