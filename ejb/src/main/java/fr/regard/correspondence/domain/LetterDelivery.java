package fr.regard.correspondence.domain;

/**
 * How a letter reached (or failed to reach) the requester (docs/mail.md "Letters by e-mail and by post"). An issued
 * letter goes by e-mail when {@link DeliveryChannels} allows it (QUEUED → SENT, or FAILED / BOUNCED), otherwise it is
 * TO_SEND by post; staff record POSTED (registered-mail number) then DELIVERED or RETURNED. NONE: not issued, nothing
 * to send.
 */
public enum LetterDelivery {
    NONE("Aucun envoi (lettre non émise)"),
    TO_SEND("À envoyer par la poste"),
    QUEUED("En file d'envoi"),
    SENT("Envoyée par courriel"),
    FAILED("Échec d'envoi"),
    BOUNCED("Non distribuée (retour)"),
    POSTED("Postée en recommandé"),
    DELIVERED("Distribuée"),
    RETURNED("Retournée par la poste");

    private final String label;

    LetterDelivery(String label) {
        this.label = label;
    }

    /** The short French label, without the dates and numbers the register adds. */
    public String label() {
        return label;
    }

    /** The e-mail did not reach the requester: the DPO is asked to post the letter. */
    public boolean needsPosting() {
        return this == FAILED || this == BOUNCED || this == TO_SEND;
    }

    /** A postal delivery can be recorded (the letter is issued and not already posted). */
    public boolean mayBePosted() {
        return this != NONE && this != POSTED && this != DELIVERED;
    }
}
