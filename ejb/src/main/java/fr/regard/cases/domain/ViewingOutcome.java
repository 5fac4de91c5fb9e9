package fr.regard.cases.domain;

/** What happened at an on-site viewing appointment. */
public enum ViewingOutcome {
    HELD("Visionnage effectué"),
    NO_SHOW("Demandeur absent");

    private final String label;

    ViewingOutcome(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
