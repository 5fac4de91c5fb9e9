package fr.regard.correspondence.domain;

/** Where a letter stands. Until the documents and mail capabilities exist, every letter stays {@link #TO_ISSUE}. */
public enum LetterStatus {
    TO_ISSUE("À émettre"),
    SENT("Envoyée");

    private final String label;

    LetterStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
