package fr.regard.mail.outbox;

/**
 * Why the mail server did not take a mail, in French for the DPO; {@code permanent} when trying again cannot help
 * (5xx reply, address refused), otherwise it is retried with the backoff.
 */
public final class SendFailure extends Exception {

    private static final long serialVersionUID = 1L;

    private final boolean permanent;

    public SendFailure(boolean permanent, String message, Throwable cause) {
        super(message, cause);
        this.permanent = permanent;
    }

    public boolean permanent() {
        return permanent;
    }
}
