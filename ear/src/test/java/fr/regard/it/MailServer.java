package fr.regard.it;

import com.icegreen.greenmail.store.FolderListener;
import com.icegreen.greenmail.store.MailFolder;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The mail servers of the integration tests: one GreenMail (real SMTP and IMAP) in the test JVM for the whole suite,
 * on 127.0.0.1 at {@code regard.it.mail.smtp.port} / {@code regard.it.mail.imap.port} (ear/pom.xml), the ports the
 * server's mail session {@code java:jboss/mail/Regard} is given (arquillian.xml). Started lazily and idempotently
 * by the tests that need it; {@link #stop()} / {@link #start()} simulate an outage. The DPO mailbox is
 * {@value #DPO} (password {@value #PASSWORD}, the session's defaults).
 */
public final class MailServer {

    public static final String DPO = "protectiondesdonnees@mairie-lille.fr";
    public static final String PASSWORD = "regard-demo";

    private static GreenMail greenMail;
    private static boolean hookInstalled;

    private MailServer() {
    }

    public static int smtpPort() {
        return port("regard.it.mail.smtp.port", 3025);
    }

    public static int imapPort() {
        return port("regard.it.mail.imap.port", 3143);
    }

    private static int port(String property, int base) {
        String configured = System.getProperty(property);
        if (configured != null && !configured.isBlank()) {
            return Integer.parseInt(configured.strip());
        }
        return base + Integer.getInteger("regard.it.port.offset", 0);
    }

    /** Starts the servers unless they run; the DPO mailbox exists with its password. */
    public static synchronized GreenMail start() {
        if (greenMail != null) {
            return greenMail;
        }
        GreenMail server = new GreenMail(new ServerSetup[] {
                new ServerSetup(smtpPort(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP),
                new ServerSetup(imapPort(), "127.0.0.1", ServerSetup.PROTOCOL_IMAP)});
        server.start();
        server.setUser(DPO, DPO, PASSWORD);
        greenMail = server;
        if (!hookInstalled) {
            hookInstalled = true;
            Runtime.getRuntime().addShutdownHook(new Thread(MailServer::stop, "greenmail-stop"));
        }
        return server;
    }

    /** Stops the servers (an outage: everything they held is gone, as on a restarted test server). */
    public static synchronized void stop() {
        if (greenMail != null) {
            greenMail.stop();
            greenMail = null;
        }
    }

    public static synchronized boolean running() {
        return greenMail != null;
    }

    /**
     * Delivers {@code raw} (an RFC 5322 message, CRLF or LF line ends) to the DPO mailbox over SMTP, byte for byte
     * (dot-stuffed; no header added by the client).
     */
    public static void deliver(byte[] raw) {
        deliver(raw, DPO);
    }

    public static void deliver(byte[] raw, String recipient) {
        start();
        try (Socket socket = new Socket("127.0.0.1", smtpPort())) {
            socket.setSoTimeout(30_000);
            BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(),
                    StandardCharsets.ISO_8859_1));
            OutputStream out = socket.getOutputStream();
            expect(in, "220");
            command(out, in, "HELO tests.regard.invalid", "250");
            command(out, in, "MAIL FROM:<tests@regard.invalid>", "250");
            command(out, in, "RCPT TO:<" + recipient + ">", "250");
            command(out, in, "DATA", "354");
            out.write(dotStuffed(raw));
            out.flush();
            expect(in, "250");
            command(out, in, "QUIT", "221");
        } catch (IOException e) {
            throw new UncheckedIOException("SMTP delivery to the test server failed", e);
        }
    }

    /** Delivers a text (UTF-8 bytes; use only ASCII or declare the charset in the text). */
    public static void deliver(String eml) {
        deliver(eml.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Puts {@code eml} into the DPO's INBOX <em>without telling any IMAP session</em> (no {@code EXISTS}): what
     * GreenMail itself does when a message lands while it answers another command of the selected session (a
     * check-then-reset race in {@code ImapSessionImpl.unsolicitedResponses}), made deterministic by detaching the
     * sessions' listeners from the folder while the message is appended. {@code STATUS} and a new {@code SELECT} see
     * it; a client that only waits for {@code EXISTS} never does.
     */
    public static void deliverUnannounced(String eml) {
        GreenMail server = start();
        try {
            MailFolder inbox = server.getManagers().getImapHostManager()
                    .getInbox(server.getManagers().getUserManager().getUser(DPO));
            // HierarchicalFolder (package-private) keeps its listeners in this field
            java.lang.reflect.Field field = inbox.getClass().getDeclaredField("_mailboxListeners");
            field.setAccessible(true);
            @SuppressWarnings("unchecked")
            List<FolderListener> listeners = (List<FolderListener>) field.get(inbox);
            List<FolderListener> detached = new ArrayList<>(listeners);
            detached.forEach(inbox::removeListener);
            try {
                MimeMessage message = new MimeMessage(jakarta.mail.Session.getInstance(new java.util.Properties()),
                        new java.io.ByteArrayInputStream(eml.getBytes(StandardCharsets.UTF_8)));
                inbox.appendMessage(message, new jakarta.mail.Flags(), new java.util.Date());
            } finally {
                detached.forEach(inbox::addListener);
            }
        } catch (ReflectiveOperationException | MessagingException | com.icegreen.greenmail.store.FolderException e) {
            throw new IllegalStateException("Cannot put a message into the test INBOX unannounced", e);
        }
    }

    /** Messages in the mailbox of {@code address} (what Regard sent there), oldest first. */
    public static List<MimeMessage> receivedBy(String address) {
        GreenMail server = start();
        List<MimeMessage> found = new ArrayList<>();
        for (MimeMessage m : server.getReceivedMessages()) {
            try {
                if (m.getAllRecipients() != null && Arrays.stream(m.getAllRecipients())
                        .anyMatch(a -> a instanceof InternetAddress ia && ia.getAddress().equalsIgnoreCase(address))) {
                    found.add(m);
                }
            } catch (MessagingException e) {
                throw new IllegalStateException(e);
            }
        }
        return found;
    }

    /** Message-IDs of the messages in a folder of the DPO mailbox (empty when the folder does not exist). */
    public static List<String> messageIdsIn(String folder) {
        start();
        java.util.Properties p = new java.util.Properties();
        p.setProperty("mail.imap.host", "127.0.0.1");
        p.setProperty("mail.imap.port", String.valueOf(imapPort()));
        try (jakarta.mail.Store store = jakarta.mail.Session.getInstance(p).getStore("imap")) {
            store.connect(DPO, PASSWORD);
            jakarta.mail.Folder f = store.getFolder(folder);
            if (!f.exists()) {
                return List.of();
            }
            f.open(jakarta.mail.Folder.READ_ONLY);
            try {
                List<String> ids = new ArrayList<>();
                for (jakarta.mail.Message m : f.getMessages()) {
                    String[] id = m.getHeader("Message-ID");
                    ids.add(id == null ? "" : id[0].replaceAll("[<>]", "").strip());
                }
                return ids;
            } finally {
                f.close(false);
            }
        } catch (MessagingException e) {
            throw new IllegalStateException("Cannot read the folder " + folder + " of the test mailbox", e);
        }
    }

    private static void command(OutputStream out, BufferedReader in, String line, String code) throws IOException {
        out.write((line + "\r\n").getBytes(StandardCharsets.US_ASCII));
        out.flush();
        expect(in, code);
    }

    private static void expect(BufferedReader in, String code) throws IOException {
        String line;
        do {
            line = in.readLine();
            if (line == null) {
                throw new IOException("SMTP server closed the connection, expected " + code);
            }
        } while (line.length() > 3 && line.charAt(3) == '-');
        if (!line.startsWith(code)) {
            throw new IOException("SMTP server answered '" + line + "', expected " + code);
        }
    }

    /** CRLF line ends, leading dots doubled, terminated by CRLF.CRLF. */
    static byte[] dotStuffed(byte[] raw) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(raw.length + 64);
        boolean lineStart = true;
        for (int i = 0; i < raw.length; i++) {
            byte b = raw[i];
            if (b == '\n') {
                if (i == 0 || raw[i - 1] != '\r') {
                    out.write('\r');
                }
                out.write('\n');
                lineStart = true;
                continue;
            }
            if (lineStart && b == '.') {
                out.write('.');
            }
            out.write(b);
            lineStart = false;
        }
        if (!lineStart) {
            out.write('\r');
            out.write('\n');
        }
        out.writeBytes(".\r\n".getBytes(StandardCharsets.US_ASCII));
        return out.toByteArray();
    }
}
