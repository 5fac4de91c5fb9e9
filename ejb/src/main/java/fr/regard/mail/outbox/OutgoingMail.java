package fr.regard.mail.outbox;

import java.util.List;
import java.util.Objects;

/**
 * An e-mail to queue in the {@link Outbox}: who it goes to, its subject and French-first text body, its threading
 * (the Message-IDs it answers) and attachments. The sender (the DPO's address), the Message-ID, the date and the
 * automatic-message headers are the outbox's.
 *
 * @param caseReference the case it belongs to (journalled there, replies routed back to it); null when none
 * @param inReplyTo     the Message-ID it answers, with or without angle brackets; null when none
 * @param references    the Message-IDs of the thread, oldest first (In-Reply-To is added when missing)
 * @param kind          why it is sent: a letter, or a notice to the sender of a mail Regard could not accept
 * @param letterId      the letter of the correspondence register it carries (LETTER), else null
 * @param letterType    the letter's type, written in {@code X-Regard-Letter} (null: the kind is written)
 */
public record OutgoingMail(String caseReference, String to, String subject, String textBody, String inReplyTo,
                           List<String> references, List<Attachment> attachments, Kind kind, Long letterId,
                           String letterType) {

    /** Why a mail is sent. */
    public enum Kind {
        LETTER,
        REJECTION_NOTICE,
        /** The requester's personal tracking link, sent once to a request received by e-mail. */
        TRACKING_LINK
    }

    /** A file attached to the mail. */
    public record Attachment(String name, String contentType, byte[] bytes) {

        public Attachment {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(contentType, "contentType");
            Objects.requireNonNull(bytes, "bytes");
        }
    }

    public OutgoingMail {
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(textBody, "textBody");
        Objects.requireNonNull(kind, "kind");
        references = references == null ? List.of() : List.copyOf(references);
        attachments = attachments == null ? List.of() : List.copyOf(attachments);
    }

    /** The contract's shape (docs/mail.md): {@code X-Regard-Letter} then says the kind. */
    public OutgoingMail(String caseReference, String to, String subject, String textBody, String inReplyTo,
                        List<String> references, List<Attachment> attachments, Kind kind, Long letterId) {
        this(caseReference, to, subject, textBody, inReplyTo, references, attachments, kind, letterId, null);
    }
}
