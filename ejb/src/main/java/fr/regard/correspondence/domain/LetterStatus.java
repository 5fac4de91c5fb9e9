package fr.regard.correspondence.domain;

/**
 * Whether a letter was issued: {@link #ISSUED} once its sealed PDF is in the registry, {@link #TO_ISSUE} while it could
 * not be (the status note says why). How it then reached the requester is its {@link LetterDelivery}.
 */
public enum LetterStatus {
    TO_ISSUE("À émettre"),
    ISSUED("Émise");

    private final String label;

    LetterStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
