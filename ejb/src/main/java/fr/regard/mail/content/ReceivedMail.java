package fr.regard.mail.content;

import fr.regard.cases.domain.CaseReference;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * One received e-mail, parsed, classified and made safe by {@link MailParser}. Addresses are lower case; texts are
 * decoded and free of control characters. Lists are never null.
 *
 * @param messageId              Message-ID without angle brackets, null if absent
 * @param inReplyTo              first id of In-Reply-To without angle brackets, null if absent
 * @param references             ids of References, oldest first
 * @param from                   sender address (From, else Sender), null if none could be read
 * @param fromName               decoded display name of the sender, null if none
 * @param replyTo                first Reply-To address, null if none
 * @param subject                decoded subject, at most 998 characters, empty if none
 * @param date                   the Date header, null if absent or unreadable
 * @param textBody               the plain text (text/plain parts, else the HTML made text), empty if none
 * @param safeHtml               the HTML body sanitised for display (no script, image, style or event handler), or null
 * @param kindReason             French, for the DPO: why this kind, e.g. "Réponse automatique (Auto-Submitted: auto-replied)"
 * @param bounce                 for {@link MailKind#BOUNCE}: what the report says; null otherwise
 * @param caseReferenceInSubject the first case reference in the subject, e.g. DA-2026-000042, or null
 * @param rejection              for {@link MailKind#REJECTED}: reason and explanation for the sender; null otherwise
 */
public record ReceivedMail(String messageId, String inReplyTo, List<String> references, String from, String fromName,
                           String replyTo, List<String> to, List<String> cc, String subject, Instant date,
                           String textBody, String safeHtml, List<MailAttachment> attachments, MailKind kind,
                           String kindReason, BounceInfo bounce, CaseReference caseReferenceInSubject,
                           Rejection rejection) {

    public ReceivedMail {
        references = List.copyOf(references);
        to = List.copyOf(to);
        cc = List.copyOf(cc);
        attachments = List.copyOf(attachments);
        subject = subject == null ? "" : subject;
        textBody = textBody == null ? "" : textBody;
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(kindReason, "kindReason");
    }

    /**
     * Whether Regard may write to the sender about this message: a human message, or a rejected one whose headers
     * say a human sent it, with a sender address. Never for an automatic reply, a bounce, a list or our own message
     * (answering those makes mail loops).
     */
    public boolean mayBeAnswered() {
        if (from == null) {
            return false;
        }
        return kind == MailKind.NEW_OR_REPLY
                || (kind == MailKind.REJECTED && rejection != null && rejection.headerKind() == MailKind.NEW_OR_REPLY);
    }

    /** The address to answer: Reply-To when given, else the sender. */
    public String answerAddress() {
        return replyTo != null ? replyTo : from;
    }

    /** The attachments kept, with their bytes. */
    public List<MailAttachment> acceptedAttachments() {
        return attachments.stream().filter(MailAttachment::accepted).toList();
    }
}
