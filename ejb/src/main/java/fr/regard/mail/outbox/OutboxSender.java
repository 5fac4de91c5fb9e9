package fr.regard.mail.outbox;

import fr.regard.documents.registry.BlobStore;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import jakarta.mail.Session;
import java.util.List;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.naming.InitialContext;
import javax.naming.NamingException;

/**
 * Sends what the outbox holds, on the server's managed executor (never an unmanaged thread): woken after the commit of
 * each enqueue and by {@link OutboxSchedule}'s timer. One drain at a time per node (a wake-up during a drain runs
 * another round after it); nodes share the work through the ledger's leases. Each mail: claim (commit), SMTP
 * (no transaction), then record SENT or the failure (commit).
 */
@ApplicationScoped
public class OutboxSender {

    private static final Logger LOG = Logger.getLogger(OutboxSender.class.getName());
    static final int BATCH = 20;
    /** Rounds of one drain at most, so that one wake-up never occupies a thread for ever. */
    static final int MAX_ROUNDS = 50;

    @Resource(lookup = "java:jboss/ee/concurrency/executor/default")
    ManagedExecutorService executor;

    @Inject
    OutboxLedger ledger;

    @Inject
    OutboxSettings settings;

    @Inject
    BlobStore blobs;

    private final AtomicBoolean draining = new AtomicBoolean();
    private final AtomicBoolean again = new AtomicBoolean();
    private final AtomicBoolean warnedUnreachable = new AtomicBoolean();
    private volatile SmtpSender smtp;

    void onQueued(@Observes(during = TransactionPhase.AFTER_SUCCESS) MailQueued queued) {
        wake();
    }

    /** Asks for a drain soon; returns at once. */
    public void wake() {
        if (!settings.enabled()) {
            return;
        }
        again.set(true);
        if (draining.get()) {
            return;
        }
        try {
            executor.submit(this::drain);
        } catch (RejectedExecutionException e) {
            LOG.log(Level.WARNING, "Outbox drain not submitted now; the timer retries", e);
        }
    }

    /** Sends every due mail this node can claim; returns how many were sent. */
    public int drain() {
        if (!draining.compareAndSet(false, true)) {
            return 0;
        }
        int sent = 0;
        try {
            for (int round = 0; round < MAX_ROUNDS && again.getAndSet(false); round++) {
                List<OutboxLedger.Claimed> claimed;
                do {
                    claimed = ledger.claimDue(node(), BATCH);
                    for (OutboxLedger.Claimed mail : claimed) {
                        sent += send(mail) ? 1 : 0;
                    }
                } while (claimed.size() == BATCH);
            }
            ledger.eraseSentSecrets();
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Outbox drain stopped; the timer takes it up again", e);
        } finally {
            draining.set(false);
        }
        return sent;
    }

    private boolean send(OutboxLedger.Claimed mail) {
        byte[] raw = blobs.get(mail.rawSha256()).orElse(null);
        if (raw == null) {
            ledger.failed(mail.id(), new SendFailure(true, "Message introuvable dans le stockage des documents "
                    + "(empreinte " + mail.rawSha256() + ") : il ne peut pas être envoyé.", null));
            return false;
        }
        try {
            smtp().send(raw, mail.recipient());
        } catch (SendFailure failure) {
            OutboxState state = ledger.failed(mail.id(), failure);
            if (!failure.permanent() && warnedUnreachable.compareAndSet(false, true)) {
                LOG.warning(() -> "Outbox: mail " + mail.messageId() + " not sent (" + failure.getMessage()
                        + "); kept queued and retried with backoff (further failures logged at FINE)");
            } else {
                LOG.fine(() -> "Outbox: mail " + mail.messageId() + " not sent, now " + state + ": "
                        + failure.getMessage());
            }
            return false;
        }
        warnedUnreachable.set(false);
        // The crash window: the server has the mail, the SENT commit below has not happened yet (docs/mail.md).
        ledger.sent(mail.id());
        return true;
    }

    private SmtpSender smtp() {
        SmtpSender current = smtp;
        if (current == null) {
            current = new SmtpSender(OutboxSender::serverSession);
            smtp = current;
        }
        return current;
    }

    /** The server's mail session, looked up at each send: a missing one is a temporary failure, not a failed deploy. */
    private static Session serverSession() {
        try {
            return (Session) new InitialContext().lookup(OutboxSettings.SESSION);
        } catch (NamingException e) {
            throw new IllegalStateException("la session " + OutboxSettings.SESSION + " n'est pas configurée sur le "
                    + "serveur", e);
        }
    }

    static String node() {
        return System.getProperty("jboss.node.name", "regard");
    }
}
