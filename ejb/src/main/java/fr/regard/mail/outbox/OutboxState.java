package fr.regard.mail.outbox;

/**
 * Where a queued mail stands (docs/mail.md "Outbox"): {@link #QUEUED} waiting for its next attempt,
 * {@link #SENDING} claimed by one node under a lease, {@link #SENT} accepted by the mail server, {@link #FAILED} refused
 * for good or given up after the maximum age (flagged to the DPO).
 */
public enum OutboxState {
    QUEUED("En file d'envoi"),
    SENDING("En cours d'envoi"),
    SENT("Envoyé"),
    FAILED("Échec d'envoi");

    private final String label;

    OutboxState(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
