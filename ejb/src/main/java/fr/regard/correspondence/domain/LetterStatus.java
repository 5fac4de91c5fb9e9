package fr.regard.correspondence.domain;

/**
 * Where a letter stands: {@link #ISSUED} once its sealed PDF is in the registry (it is not sent yet: sending by
 * e-mail or post is the mail capability's, and {@link #SENT} is only written by it); {@link #TO_ISSUE} while it could
 * not be issued (the status note says why).
 */
public enum LetterStatus {
    TO_ISSUE("À émettre"),
    ISSUED("Émise"),
    SENT("Envoyée");

    private final String label;

    LetterStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
