package fr.regard.mail.intake;

import fr.regard.platform.infrastructure.NodeName;
import fr.regard.mail.MailSettings;
import fr.regard.platform.infrastructure.RowLease;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.inject.Inject;
import jakarta.mail.Authenticator;
import jakarta.mail.FetchProfile;
import jakarta.mail.Flags;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.PasswordAuthentication;
import jakarta.mail.Session;
import jakarta.mail.UIDFolder;
import jakarta.mail.event.MessageCountAdapter;
import jakarta.mail.event.MessageCountEvent;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Enumeration;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.angus.mail.imap.IMAPFolder;
import org.eclipse.angus.mail.imap.IMAPStore;

/**
 * The one reader of the DPO mailbox (docs/mail.md "Reading the mailbox"): a managed thread that, while this node
 * holds the reader's lease ({@code mail_reader_state}, one reader across the cluster), reads INBOX over the mail
 * session's IMAP server, hands each message to {@link MailIntake} (store, then route) and moves it to the folder of
 * its outcome. It waits for new mail with IMAP IDLE when the server offers it (bounded, to renew the lease), else
 * polls every {@code regard.mail.poll-seconds}. An unreachable server is one WARNING per outage, then retries with
 * backoff (doubling up to 20 poll intervals, at most ten minutes); the status endpoint shows it in French.
 */
@Singleton
@Startup
@DependsOn("DatabaseSchema")
public class MailboxReader {

    private static final Logger LOG = Logger.getLogger(MailboxReader.class.getName());
    private static final Duration LONGEST_BACKOFF = Duration.ofMinutes(10);
    private static final Duration IDLE_BOUND = Duration.ofSeconds(25);
    static final String INBOX = "INBOX";

    @Resource(lookup = MailSettings.SESSION)
    Session serverSession;

    @Resource(lookup = "java:jboss/ee/concurrency/factory/default")
    ManagedThreadFactory threads;

    @Resource(lookup = "java:jboss/ee/concurrency/scheduler/default")
    ManagedScheduledExecutorService scheduler;

    @Inject
    MailSettings settings;

    @Inject
    MailIntake intake;

    @Inject
    MailRecords records;

    private volatile boolean running;
    private volatile Thread thread;
    private volatile IMAPStore store;
    private volatile IMAPFolder inbox;
    private volatile Instant failMovesUntil = Instant.MIN;
    private final String holder = NodeName.current() + "/" + UUID.randomUUID();
    private boolean failing;
    private volatile boolean idleWatchdogFired;
    private volatile boolean idling;
    /** The UIDNEXT of INBOX as this session knows it: its SELECT's, or past the highest UID it has seen. */
    private long knownUidNext = -1;
    private final AtomicLong turns = new AtomicLong();

    @PostConstruct
    void start() {
        if (!settings.enabled()) {
            LOG.info("Mail reader disabled (regard.mail.enabled=false): the DPO mailbox is not read");
            return;
        }
        settings.pollInterval(); // a bad setting stops the deployment now
        running = true;
        thread = threads.newThread(this::loop);
        thread.setName("regard-mail-reader");
        thread.start();
    }

    @PreDestroy
    void stop() {
        running = false;
        Thread t = thread;
        if (t == null) {
            return;
        }
        closeQuietly();
        t.interrupt();
        try {
            t.join(10_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        try {
            lease().release(holder);
        } catch (RuntimeException e) {
            LOG.log(Level.FINE, "Mail reader lease not released (it expires)", e);
        }
    }

    /** Turns of the reader's loop since start (a pass and a wait each): a reader with nothing to do turns slowly. */
    public long turns() {
        return turns.get();
    }

    /** Test hook (integration tests only, through the probe): the moves fail until {@code until}. */
    public void failMovesUntil(Instant until) {
        failMovesUntil = until;
    }

    private void loop() {
        Duration poll = settings.pollInterval();
        Duration wait = poll;
        while (running) {
            turns.incrementAndGet();
            try {
                if (!holdLease(poll)) {
                    sleep(poll);
                    continue;
                }
                connect();
                boolean idle = store.hasCapability("IDLE");
                int left = pass();
                records.readerSucceeded(Instant.now(), idle, records.backlog());
                if (failing) {
                    failing = false;
                    LOG.info("Mail reader: the mailbox is reachable again");
                }
                wait = poll;
                if (holdsExpunged()) {
                    reselect();
                }
                // mail that came during the pass: the count is refreshed by a NOOP (IDLE would not report it)
                if (inbox.getMessageCount() > left) {
                    continue;
                }
                if (unannounced()) {
                    continue;
                }
                waitForMail(idle, poll);
            } catch (MessagingException | RuntimeException e) {
                if (!running) {
                    break;
                }
                String why = MailReaderStatus.french(e);
                try {
                    records.readerFailed(Instant.now(), why);
                } catch (RuntimeException db) {
                    LOG.log(Level.FINE, "Mail reader state not recorded", db);
                }
                if (!failing) {
                    failing = true;
                    LOG.warning("Mail reader: the mailbox cannot be read (" + e.getClass().getSimpleName() + ": "
                            + e.getMessage() + "); retried with backoff, up to every "
                            + Math.min(LONGEST_BACKOFF.toSeconds(), poll.toSeconds() * 20) + " s, without further warning until it recovers");
                } else {
                    LOG.log(Level.FINE, "Mail reader still failing", e);
                }
                closeQuietly();
                sleep(wait);
                Duration longest = poll.multipliedBy(20).compareTo(LONGEST_BACKOFF) < 0 ? poll.multipliedBy(20)
                        : LONGEST_BACKOFF;
                wait = wait.multipliedBy(2).compareTo(longest) > 0 ? longest : wait.multipliedBy(2);
            }
        }
        closeQuietly();
    }

    private boolean holdLease(Duration poll) {
        Instant now = Instant.now();
        Duration length = Duration.ofMinutes(3).compareTo(poll.multipliedBy(3)) > 0 ? Duration.ofMinutes(3)
                : poll.multipliedBy(3);
        RowLease lease = lease();
        return lease.renew(holder, now.plus(length)) || lease.claim(holder, NodeName.current(), now, now.plus(length));
    }

    private RowLease lease() {
        return new RowLease(records.dataSource(), "mail_reader_state");
    }

    private void connect() throws MessagingException {
        if (store != null && store.isConnected() && inbox != null && inbox.isOpen()) {
            return;
        }
        closeQuietly();
        IMAPStore s = (IMAPStore) session().getStore("imap");
        s.connect();
        IMAPFolder f = (IMAPFolder) s.getFolder(INBOX);
        f.open(Folder.READ_WRITE);
        // A server may announce new mail just as IDLE starts (before its continuation): Angus takes that EXISTS in
        // while starting, and IDLE(once) would then wait for a further response, up to the bound. Any announced
        // message therefore ends the wait.
        f.addMessageCountListener(new MessageCountAdapter() {
            @Override
            public void messagesAdded(MessageCountEvent e) {
                if (idling) {
                    endIdle(f);
                }
            }
        });
        store = s;
        inbox = f;
        knownUidNext = f.getUIDNext();
    }

    /** The server's session with timeouts (a hung server must not hang the reader), its credentials asked of it. */
    private Session session() {
        Properties p = new Properties();
        p.putAll(serverSession.getProperties());
        p.putIfAbsent("mail.imap.connectiontimeout", "20000");
        p.putIfAbsent("mail.imap.timeout", "120000");
        p.putIfAbsent("mail.imap.writetimeout", "60000");
        p.putIfAbsent("mail.imap.peek", "true");
        // one FETCH per message (it is read whole into memory anyway, within the size limit): 16 KiB partial fetches
        // cost one round trip each, and some servers re-read the whole message for each of them
        p.putIfAbsent("mail.imap.partialfetch", "false");
        // Jakarta Mail delivers folder events on a queue task that lives while the folder is open: a managed thread
        // of its own (named, with the application's context), neither an unmanaged thread nor a pooled executor
        // thread held for hours
        p.put("mail.event.executor", (Executor) task -> {
            Thread t = threads.newThread(task);
            t.setName("regard-mail-events");
            t.start();
        });
        return Session.getInstance(p, new Authenticator() {
            @Override
            protected PasswordAuthentication getPasswordAuthentication() {
                return serverSession.requestPasswordAuthentication(getRequestingSite(), getRequestingPort(),
                        getRequestingProtocol(), getRequestingPrompt(), getDefaultUserName());
            }
        });
    }

    /**
     * Every message in INBOX: stored (once), routed (once), moved (until it succeeds). Returns how many stay in INBOX
     * (a move or a routing that failed, retried at the next pass).
     */
    private int pass() throws MessagingException {
        IMAPFolder folder = inbox;
        long uidvalidity = folder.getUIDValidity();
        Message[] messages = folder.getMessages();
        int left = 0;
        if (messages.length == 0) {
            return left;
        }
        FetchProfile profile = new FetchProfile();
        profile.add(UIDFolder.FetchProfileItem.UID);
        profile.add(FetchProfile.Item.SIZE);
        profile.add(FetchProfile.Item.ENVELOPE);
        profile.add(FetchProfile.Item.FLAGS);
        folder.fetch(messages, profile);
        long limit = settings.limits().maxMessageBytes();
        for (Message m : messages) {
            if (!running) {
                return left;
            }
            if (m.isExpunged() || m.isSet(Flags.Flag.DELETED)) {
                continue;
            }
            long uid = folder.getUID(m);
            knownUidNext = Math.max(knownUidNext, uid + 1);
            MailRecords.Row row = records.byUid(uidvalidity, uid).orElse(null);
            if (row == null) {
                long size = Math.max(m.getSize(), 0);
                byte[] raw = size > limit ? headers(m) : raw(m);
                boolean truncated = size > limit || raw.length > limit;
                if (truncated && raw.length > limit) {
                    raw = headers(m);
                }
                row = intake.receive(new MailIntake.Fetched(uidvalidity, uid, raw, truncated,
                        Math.max(size, raw.length), m.getReceivedDate() == null ? null : m.getReceivedDate().toInstant()));
            }
            if (!row.routed()) {
                try {
                    row = intake.route(row.id());
                } catch (RuntimeException e) {
                    // stays RECEIVED in INBOX: retried at the next pass; the others go on
                    LOG.log(Level.WARNING, "Mail " + row.id() + " could not be routed; retried at the next pass", e);
                    left++;
                    continue;
                }
            }
            if (row.movedAt() == null && !move(folder, m, row)) {
                left++;
            }
        }
        return left;
    }

    private boolean move(IMAPFolder folder, Message m, MailRecords.Row row) throws MessagingException {
        try {
            if (Instant.now().isBefore(failMovesUntil)) {
                throw new MessagingException("déplacement refusé (panne simulée par les tests)");
            }
            Folder target = store.getFolder(row.targetFolder());
            if (!target.exists() && !target.create(Folder.HOLDS_MESSAGES)) {
                throw new MessagingException("le dossier " + row.targetFolder() + " ne peut pas être créé");
            }
            if (store.hasCapability("MOVE")) {
                folder.moveMessages(new Message[] {m}, target);
            } else {
                if (row.copiedAt() == null) {
                    folder.copyMessages(new Message[] {m}, target);
                    records.copied(row.id(), Instant.now());
                }
                m.setFlag(Flags.Flag.DELETED, true);
                if (store.hasCapability("UIDPLUS")) {
                    folder.expunge(new Message[] {m});
                } else {
                    folder.expunge();
                }
            }
            records.moved(row.id(), Instant.now());
            return true;
        } catch (MessagingException e) {
            if (!folder.isOpen() || !store.isConnected()) {
                throw e;
            }
            records.moveFailed(row.id(), "Déplacement vers " + row.targetFolder() + " impossible : " + e.getMessage());
            LOG.fine(() -> "Mail " + row.id() + " not moved yet: " + e.getMessage());
            return false;
        }
    }

    private static byte[] raw(Message m) throws MessagingException {
        ByteArrayOutputStream out = new ByteArrayOutputStream(Math.max(m.getSize(), 1024));
        try {
            m.writeTo(out);
        } catch (IOException e) {
            throw new MessagingException("Lecture du message impossible", e);
        }
        return out.toByteArray();
    }

    private static byte[] headers(Message m) throws MessagingException {
        StringBuilder text = new StringBuilder();
        Enumeration<String> lines = ((jakarta.mail.internet.MimeMessage) m).getAllHeaderLines();
        while (lines.hasMoreElements()) {
            text.append(lines.nextElement()).append("\r\n");
        }
        return text.append("\r\n").toString().getBytes(StandardCharsets.ISO_8859_1);
    }

    /**
     * Whether INBOX holds mail the selected session was never told of; if so, INBOX is selected again (SELECT reports
     * the true count). A server announces new mail to the selected session with {@code EXISTS}, but the reader does
     * not trust that alone: GreenMail 2.1.8 loses the announcement when a message lands while it answers another
     * command (a check-then-reset race in its session state, found by the 1,000-message benchmark), and the message
     * then waited in INBOX until the next one arrived. So before each wait, hence at least every IDLE bound, INBOX's
     * UIDNEXT is asked with {@code STATUS} on the store's own connection and compared with the UIDs this session knows
     * (docs/mail.md "Reading the mailbox"); the message count stands in on a server without UIDNEXT.
     */
    private boolean unannounced() throws MessagingException {
        IMAPFolder selected = inbox;
        int told = selected.getMessageCount();
        selected.doCommand(protocol -> {
            protocol.noop(); // whatever the server has to tell the session arrives now
            return null;
        });
        if (selected.getMessageCount() > told) {
            return true;
        }
        IMAPFolder status = (IMAPFolder) store.getFolder(INBOX); // a closed folder: STATUS on the store's connection
        long serverNext = status.getUIDNext();
        boolean missed = serverNext > 0 && knownUidNext > 0 ? serverNext > knownUidNext
                : status.getMessageCount() > inbox.getMessageCount();
        if (!missed) {
            return false;
        }
        // FINE: most are a message that landed between the NOOP and the STATUS, read at once after the SELECT
        LOG.fine(() -> "Mail reader: INBOX has mail this session has not been told of yet (UIDNEXT " + serverNext
                + ", known " + knownUidNext + "); INBOX selected again");
        reselect();
        return true;
    }

    /**
     * Angus keeps the messages this session moved away (or another client expunged) in the folder's view, counted by
     * {@code getMessageCount()}, until the client itself expunges; the reader never expunges INBOX wholesale (another
     * client's {@code \Deleted} mail is not its to remove), so it selects INBOX again instead: the view and its count
     * are then the server's, and the moved messages' objects are freed.
     */
    private boolean holdsExpunged() throws MessagingException {
        for (Message m : inbox.getMessages()) {
            if (m.isExpunged()) {
                return true;
            }
        }
        return false;
    }

    /** SELECT INBOX again: its true count and UIDNEXT. */
    private void reselect() throws MessagingException {
        IMAPFolder selected = inbox;
        selected.close(false);
        selected.open(Folder.READ_WRITE);
        knownUidNext = selected.getUIDNext();
    }

    private void waitForMail(boolean idle, Duration poll) throws MessagingException {
        if (!idle) {
            sleep(poll);
            return;
        }
        IMAPFolder folder = inbox;
        IMAPStore connected = store;
        // IDLE returns when the server reports a change; bounded so that the lease is renewed and a stop is quick:
        // any command on the folder from another thread ends it (Angus); if that did not, the store is closed
        ScheduledFuture<?> abort = scheduler.schedule(() -> endIdle(folder), IDLE_BOUND.toSeconds(), TimeUnit.SECONDS);
        ScheduledFuture<?> watchdog = scheduler.schedule(() -> {
            idleWatchdogFired = true;
            try {
                connected.close();
            } catch (MessagingException | RuntimeException e) {
                LOG.log(Level.FINEST, "IDLE watchdog", e);
            }
        }, IDLE_BOUND.toSeconds() + 20, TimeUnit.SECONDS);
        idling = true;
        try {
            folder.idle(true);
        } catch (MessagingException | RuntimeException e) {
            if (!idleWatchdogFired) {
                throw e;
            }
            LOG.fine("IDLE did not end when asked: connection closed and opened again");
        } finally {
            idling = false;
            abort.cancel(false);
            watchdog.cancel(false);
            if (idleWatchdogFired) {
                idleWatchdogFired = false;
                closeQuietly();
            }
        }
    }

    /** Ends the IDLE of {@code folder} if it is in one: Angus ends it before any command on the folder. */
    private static void endIdle(IMAPFolder folder) {
        try {
            folder.doCommand(protocol -> null);
        } catch (MessagingException | RuntimeException e) {
            LOG.log(Level.FINEST, "IDLE abort", e);
        }
    }

    private void closeQuietly() {
        IMAPFolder f = inbox;
        IMAPStore s = store;
        inbox = null;
        store = null;
        try {
            if (f != null && f.isOpen()) {
                f.close(false);
            }
        } catch (MessagingException | RuntimeException e) {
            LOG.log(Level.FINEST, "close", e);
        }
        try {
            if (s != null) {
                s.close();
            }
        } catch (MessagingException | RuntimeException e) {
            LOG.log(Level.FINEST, "close", e);
        }
    }

    private void sleep(Duration d) {
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }
}
