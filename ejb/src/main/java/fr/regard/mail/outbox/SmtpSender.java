package fr.regard.mail.outbox;

import jakarta.mail.Address;
import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * Hands one composed message to the SMTP server of a Jakarta Mail {@link Session} (the server's
 * {@code java:jboss/mail/Regard}, or a plain session in tests), exactly as composed: {@code sendMessage} does not save
 * the message again, so its Message-ID and bytes are the ones queued. Failures are sorted into permanent (5xx,
 * address refused) and temporary (unreachable, 4xx, authentication) with a French explanation.
 */
public class SmtpSender {

    private final Supplier<Session> session;

    public SmtpSender(Supplier<Session> session) {
        this.session = session;
    }

    public void send(byte[] raw, String recipient) throws SendFailure {
        Session s;
        try {
            s = session.get();
        } catch (RuntimeException e) {
            throw new SendFailure(false, "Session de messagerie indisponible : " + e.getMessage(), e);
        }
        try {
            MimeMessage message = new MimeMessage(s, new ByteArrayInputStream(raw));
            Address[] to = InternetAddress.parse(recipient, true);
            try (Transport transport = s.getTransport(to[0])) {
                transport.connect();
                transport.sendMessage(message, to);
            }
        } catch (MessagingException e) {
            throw classify(e, s);
        }
    }

    static SendFailure classify(MessagingException e, Session s) {
        if (e instanceof jakarta.mail.internet.AddressException) {
            return new SendFailure(true, "Adresse électronique invalide : " + e.getMessage(), e);
        }
        int code = replyCode(e);
        String reply = serverReply(e);
        if (e instanceof SendFailedException failed && failed.getInvalidAddresses() != null
                && failed.getInvalidAddresses().length > 0 && (code == -1 || code >= 500)) {
            return new SendFailure(true, "Adresse refusée par le serveur de messagerie ("
                    + Arrays.stream(failed.getInvalidAddresses()).map(Address::toString).collect(Collectors.joining(", "))
                    + ")" + reply, e);
        }
        if (code >= 500 && code < 600) {
            return new SendFailure(true, "Refus définitif du serveur de messagerie (code " + code + ")" + reply, e);
        }
        if (code >= 400 && code < 500) {
            return new SendFailure(false, "Refus temporaire du serveur de messagerie (code " + code + ")" + reply, e);
        }
        if (e instanceof AuthenticationFailedException) {
            return new SendFailure(false, "Le serveur de messagerie a refusé l'identification de Regard ; vérifier "
                    + "regard.mail.smtp.user et regard.mail.smtp.password" + reply, e);
        }
        return new SendFailure(false, "Serveur de messagerie injoignable (" + server(s) + ") : " + rootMessage(e), e);
    }

    /** The SMTP reply code carried by Angus Mail's exceptions ({@code getReturnCode()}), -1 when none. */
    private static int replyCode(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            try {
                Method m = t.getClass().getMethod("getReturnCode");
                Object code = m.invoke(t);
                if (code instanceof Integer value && value > 0) {
                    return value;
                }
            } catch (ReflectiveOperationException | RuntimeException ignored) {
                // not an SMTP exception: look at its cause
            }
            if (t instanceof MessagingException me && me.getNextException() != null && me.getNextException() != t) {
                int nested = replyCode(me.getNextException());
                if (nested > 0) {
                    return nested;
                }
            }
        }
        return -1;
    }

    private static String serverReply(MessagingException e) {
        String message = e.getMessage();
        return message == null || message.isBlank() ? "" : " : " + message.strip();
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String text = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
        return text.strip();
    }

    private static String server(Session s) {
        return s.getProperty("mail.smtp.host") + ":" + (s.getProperty("mail.smtp.port") == null ? "25"
                : s.getProperty("mail.smtp.port"));
    }
}
