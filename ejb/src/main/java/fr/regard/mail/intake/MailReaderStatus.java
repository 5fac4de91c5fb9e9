package fr.regard.mail.intake;

import fr.regard.mail.MailSettings;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.MessagingException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.time.Instant;

/** Where the reading of the DPO mailbox stands ({@code GET /api/v1/mail/status}), from the database: any node answers. */
@ApplicationScoped
public class MailReaderStatus {

    /** The status, with a French summary for the DPO. */
    public record View(boolean enabled, String state, String summary, String node, Instant lastSuccessAt,
                       Instant lastAttemptAt, Instant failingSince, String lastError, Boolean idle, int backlog) {
    }

    @Inject
    MailSettings settings;

    @Inject
    MailRecords records;

    public View view() {
        MailRecords.ReaderState s = records.readerState();
        int backlog = records.backlog();
        if (!settings.enabled()) {
            return new View(false, "DISABLED", "Lecture de la boîte désactivée (regard.mail.enabled=false)", null,
                    s.lastSuccessAt(), s.lastAttemptAt(), null, null, null, backlog);
        }
        String state;
        String summary;
        if (s.failingSince() != null) {
            state = "FAILING";
            summary = "Boîte aux lettres injoignable depuis le " + s.failingSince() + " : " + s.lastError()
                    + ". Nouvel essai automatique ; aucun message n'est perdu.";
        } else if (s.lastSuccessAt() == null) {
            state = "STARTING";
            summary = "Première lecture de la boîte en cours.";
        } else {
            state = "UP";
            summary = "Boîte lue" + (Boolean.TRUE.equals(s.idle()) ? " en continu (IMAP IDLE)" : " toutes les "
                    + settings.pollInterval().toSeconds() + " s") + (backlog == 0 ? "" : " ; " + backlog
                    + " message(s) en cours de traitement") + ".";
        }
        return new View(true, state, summary, s.node(), s.lastSuccessAt(), s.lastAttemptAt(), s.failingSince(),
                s.lastError(), s.idle(), backlog);
    }

    /** The French reason of a reading failure, without stack trace. */
    static String french(Exception e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof AuthenticationFailedException) {
                return "identifiants refusés par le serveur IMAP";
            }
            if (t instanceof ConnectException) {
                return "connexion refusée par le serveur IMAP";
            }
            if (t instanceof UnknownHostException) {
                return "serveur IMAP inconnu (" + t.getMessage() + ")";
            }
            if (t instanceof SocketTimeoutException) {
                return "le serveur IMAP ne répond pas (délai dépassé)";
            }
        }
        if (e instanceof MessagingException) {
            return "erreur IMAP : " + MailRecords.cut(String.valueOf(e.getMessage()), 300);
        }
        return "erreur interne : " + MailRecords.cut(e.getClass().getSimpleName() + " " + e.getMessage(), 300);
    }
}
