package fr.regard.cases.domain;

import java.time.Instant;

/**
 * GDPR art. 12(3): an extension must be notified within the first period. Thrown when it has ended; the process
 * maps it to the BPMN error {@code EXTENSION_TOO_LATE} and nothing changes on the case.
 */
public class ExtensionTooLateException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final Instant periodEnded;

    public ExtensionTooLateException(Instant periodEnded) {
        super("Le premier délai de réponse a expiré le " + periodEnded + " : la prolongation n'est plus possible "
                + "(RGPD art. 12(3)).");
        this.periodEnded = periodEnded;
    }

    public Instant periodEnded() {
        return periodEnded;
    }
}
