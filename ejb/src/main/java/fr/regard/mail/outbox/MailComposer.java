package fr.regard.mail.outbox;

import jakarta.activation.DataHandler;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.internet.MimeUtility;
import jakarta.mail.util.ByteArrayDataSource;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UnsupportedEncodingException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Date;
import java.util.LinkedHashSet;
import java.util.Properties;
import java.util.Set;

/**
 * Writes a queued mail as the RFC 5322 bytes the outbox keeps and sends (docs/mail.md "Outbox"): From the DPO, the
 * Message-ID and Date fixed at enqueue, threading headers, {@code Auto-Submitted: auto-generated} (RFC 3834, so that
 * auto-responders do not answer and our own reader recognises it), {@code X-Loop: regard}, {@code X-Regard-Letter} and {@code X-Regard-Case};
 * a UTF-8 text body and the attachments in base64.
 */
public final class MailComposer {

    public static final String AUTO_SUBMITTED = "Auto-Submitted";
    public static final String REGARD_LETTER = "X-Regard-Letter";
    public static final String REGARD_CASE = "X-Regard-Case";

    private MailComposer() {
    }

    /** An address Regard can send to (strict RFC 822 syntax, one mailbox); empty text = no address. */
    public static boolean isValidAddress(String address) {
        if (address == null || address.isBlank()) {
            return false;
        }
        try {
            InternetAddress[] parsed = InternetAddress.parse(address.strip(), true);
            if (parsed.length != 1) {
                return false;
            }
            parsed[0].validate();
            return parsed[0].getAddress().contains("@");
        } catch (AddressException e) {
            return false;
        }
    }

    /** {@code <id>} for a Message-ID given with or without its angle brackets; null for a blank one. */
    public static String bracketed(String messageId) {
        if (messageId == null || messageId.isBlank()) {
            return null;
        }
        String id = messageId.strip();
        return id.startsWith("<") ? id : "<" + id + ">";
    }

    /**
     * The message's bytes.
     *
     * @param senderName the display name of the From address (the controller's), may be null
     */
    public static byte[] compose(OutgoingMail mail, String sender, String senderName, String messageId, Instant date) {
        try {
            MimeMessage message = new FixedIdMessage(messageId);
            message.setFrom(senderName == null ? new InternetAddress(sender)
                    : new InternetAddress(sender, senderName, StandardCharsets.UTF_8.name()));
            message.setRecipients(Message.RecipientType.TO, InternetAddress.parse(mail.to().strip(), true));
            message.setSubject(mail.subject(), StandardCharsets.UTF_8.name());
            message.setSentDate(Date.from(date));
            String inReplyTo = bracketed(mail.inReplyTo());
            Set<String> references = new LinkedHashSet<>();
            mail.references().stream().map(MailComposer::bracketed).filter(r -> r != null).forEach(references::add);
            if (inReplyTo != null) {
                references.add(inReplyTo);
                message.setHeader("In-Reply-To", inReplyTo);
            }
            if (!references.isEmpty()) {
                message.setHeader("References", MimeUtility.fold(12, String.join(" ", references)));
            }
            message.setHeader(AUTO_SUBMITTED, "auto-generated");
            message.setHeader("X-Auto-Response-Suppress", "All");
            message.setHeader("X-Loop", "regard");
            message.setHeader(REGARD_LETTER, mail.letterType() != null ? mail.letterType() : mail.kind().name());
            if (mail.caseReference() != null) {
                message.setHeader(REGARD_CASE, mail.caseReference());
            }
            message.setHeader("Content-Language", "fr");
            if (mail.attachments().isEmpty()) {
                message.setText(mail.textBody(), StandardCharsets.UTF_8.name());
            } else {
                MimeMultipart mixed = new MimeMultipart("mixed");
                MimeBodyPart text = new MimeBodyPart();
                text.setText(mail.textBody(), StandardCharsets.UTF_8.name());
                mixed.addBodyPart(text);
                for (OutgoingMail.Attachment a : mail.attachments()) {
                    MimeBodyPart part = new MimeBodyPart();
                    part.setDataHandler(new DataHandler(new ByteArrayDataSource(a.bytes(), a.contentType())));
                    part.setFileName(MimeUtility.encodeText(a.name(), StandardCharsets.UTF_8.name(), null));
                    part.setDisposition(MimeBodyPart.ATTACHMENT);
                    part.setHeader("Content-Transfer-Encoding", "base64");
                    mixed.addBodyPart(part);
                }
                message.setContent(mixed);
            }
            message.saveChanges();
            ByteArrayOutputStream out = new ByteArrayOutputStream(mail.attachments().stream()
                    .mapToInt(a -> a.bytes().length * 4 / 3 + 1024).sum() + 4096);
            message.writeTo(out);
            return out.toByteArray();
        } catch (UnsupportedEncodingException e) {
            throw new IllegalStateException("UTF-8 is always supported", e);
        } catch (MessagingException | IOException e) {
            throw new IllegalArgumentException("Cannot compose the mail to " + mail.to() + ": " + e.getMessage(), e);
        }
    }

    /** A message whose Message-ID is ours, not one Jakarta Mail invents when saving. */
    private static final class FixedIdMessage extends MimeMessage {
        private final String messageId;

        FixedIdMessage(String messageId) {
            super(Session.getInstance(new Properties()));
            this.messageId = bracketed(messageId);
        }

        @Override
        protected void updateMessageID() throws MessagingException {
            setHeader("Message-ID", messageId);
        }
    }
}
