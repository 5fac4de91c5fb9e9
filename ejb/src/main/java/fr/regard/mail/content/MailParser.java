package fr.regard.mail.content;

import fr.regard.cases.domain.CaseReference;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;

import java.io.ByteArrayInputStream;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Turns the raw bytes of one received e-mail into a {@link ReceivedMail}: decoded, classified, with its attachments
 * checked. {@link #parse} never throws: whatever the bytes, the answer is a value, {@link MailKind#REJECTED} with
 * a reason when the message cannot be read. Jakarta Mail (Angus, provided by WildFly) reads the MIME structure,
 * leniently; decoding of texts, classification and attachment checks are done here (docs/mail.md).
 */
public final class MailParser {

    /** The subject is cut there (RFC 5322 line length). */
    public static final int MAX_SUBJECT_CHARS = 998;
    /** Headers of an over-large message are looked for in its first bytes only. */
    static final int MAX_HEADER_BYTES = 1024 * 1024;
    private static final Pattern CASE_REFERENCE = Pattern.compile("(?i)\\b([a-z]{2}-\\d{4}-\\d{6,})\\b");
    private static final Session SESSION = Session.getInstance(lenientProperties());

    private MailParser() {
    }

    static Properties lenientProperties() {
        Properties p = new Properties();
        p.setProperty("mail.mime.address.strict", "false");
        p.setProperty("mail.mime.decodetext.strict", "false");
        p.setProperty("mail.mime.decodeparameters", "true");
        p.setProperty("mail.mime.decodefilename", "true");
        p.setProperty("mail.mime.parameters.strict", "false");
        p.setProperty("mail.mime.applefilenames", "true");
        p.setProperty("mail.mime.ignoreunknownencoding", "true");
        p.setProperty("mail.mime.base64.ignoreerrors", "true");
        p.setProperty("mail.mime.uudecode.ignoreerrors", "true");
        p.setProperty("mail.mime.uudecode.ignoremissingbeginend", "true");
        p.setProperty("mail.mime.multipart.ignoremissingendboundary", "true");
        p.setProperty("mail.mime.multipart.ignoremissingboundaryparameter", "true");
        p.setProperty("mail.mime.multipart.allowempty", "true");
        // headers are read one char per byte; TextDecoding turns raw 8-bit values into text
        p.setProperty("mail.mime.allowutf8", "false");
        return p;
    }

    /**
     * @param raw                 the message as received (RFC 5322 bytes); null or empty gives a MALFORMED rejection
     * @param limits              the bounds; null means {@link MailLimits#defaults()}
     * @param ownAddresses        Regard's own sending addresses (a message from one of them is {@link MailKind#OWN_MESSAGE})
     * @param ownMessageIdDomains the domains of the Message-IDs Regard writes
     */
    public static ReceivedMail parse(byte[] raw, MailLimits limits, Set<String> ownAddresses, Set<String> ownMessageIdDomains) {
        byte[] bytes = raw == null ? new byte[0] : raw;
        MailLimits bounds = limits == null ? MailLimits.defaults() : limits;
        Set<String> own = lowerCase(ownAddresses);
        Set<String> ownDomains = lowerCase(ownMessageIdDomains);
        try {
            return parseOrFail(bytes, bounds, own, ownDomains);
        } catch (Exception | StackOverflowError e) {
            return malformed("Message illisible (structure invalide)", null);
        }
    }

    private static ReceivedMail parseOrFail(byte[] raw, MailLimits limits, Set<String> own, Set<String> ownDomains)
            throws Exception {
        if (raw.length == 0) {
            return malformed("Message vide", null);
        }
        boolean tooLarge = raw.length > limits.maxMessageBytes();
        byte[] toParse = tooLarge ? headersOnly(raw) : raw;
        MimeMessage message = new MimeMessage(SESSION, new ByteArrayInputStream(toParse));
        MailHeaders headers = new MailHeaders(message);

        List<InternetAddress> fromList = headers.addresses("From");
        if (fromList.isEmpty()) {
            fromList = headers.addresses("Sender");
        }
        InternetAddress sender = fromList.isEmpty() ? null : fromList.get(0);
        String from = sender == null ? null : sender.getAddress();
        List<InternetAddress> replyTo = headers.addresses("Reply-To");
        String subject = subject(headers.raw("Subject"));
        String messageId = headers.messageId("Message-ID");
        String inReplyTo = headers.messageId("In-Reply-To");
        List<String> references = MailHeaders.messageIds(headers.rawAll("References"));
        String contentType = headers.contentType();

        MailClassifier.Verdict verdict = MailClassifier.classify(headers::raw, from, contentType, subject,
                MailHeaders.domainOf(messageId), own, ownDomains);
        Fields fields = new Fields(messageId, inReplyTo, references, from,
                sender == null ? null : MailHeaders.displayName(sender),
                replyTo.isEmpty() ? null : replyTo.get(0).getAddress(),
                MailHeaders.addressList(headers.addresses("To")), MailHeaders.addressList(headers.addresses("Cc")),
                subject, date(message), caseReference(subject));

        if (tooLarge) {
            String reason = "Message refusé : " + MailTexts.megabytes(raw.length) + ", au-delà de la limite de "
                    + MailTexts.megabytes(limits.maxMessageBytes()) + " (seuls les en-têtes ont été lus)"
                    + (verdict.kind() == MailKind.NEW_OR_REPLY ? "" : " ; " + verdict.reason() + " : aucun avis envoyé");
            return fields.mail("", null, List.of(), MailKind.REJECTED, reason, null,
                    new Rejection(RejectionReason.TOO_LARGE, MailTexts.tooLargeExplanation(raw.length, limits), verdict.kind()));
        }
        if (from == null) {
            return fields.mail("", null, List.of(), MailKind.REJECTED, "Message illisible : expéditeur absent ou illisible",
                    null, new Rejection(RejectionReason.MALFORMED, MailTexts.malformedExplanation(), verdict.kind()));
        }

        MimeWalker walker = new MimeWalker(limits, verdict.kind() == MailKind.BOUNCE);
        walker.walk(message, 0);
        String text;
        if (!walker.plainTexts.isEmpty()) {
            text = String.join("\n\n", walker.plainTexts);
        } else {
            text = walker.htmlTexts.stream().map(HtmlContent::toText).collect(Collectors.joining("\n\n"));
        }
        text = TextDecoding.truncate(TextDecoding.multiLine(text).strip(), limits.maxTextChars());
        String safeHtml = walker.htmlTexts.isEmpty() ? null
                : HtmlContent.sanitise(TextDecoding.multiLine(String.join("\n<hr>\n", walker.htmlTexts)));
        BounceInfo bounce = verdict.kind() != MailKind.BOUNCE ? null
                : BounceReader.read(walker.deliveryStatus, walker.originalHeaders, walker.plainTexts, inReplyTo,
                references, own);
        return fields.mail(text, safeHtml, walker.attachments, verdict.kind(), verdict.reason(), bounce, null);
    }

    /** The header fields, read before the body. */
    private record Fields(String messageId, String inReplyTo, List<String> references, String from, String fromName,
                          String replyTo, List<String> to, List<String> cc, String subject, Instant date,
                          CaseReference caseReference) {

        ReceivedMail mail(String text, String safeHtml, List<MailAttachment> attachments, MailKind kind, String reason,
                          BounceInfo bounce, Rejection rejection) {
            return new ReceivedMail(messageId, inReplyTo, references, from, fromName, replyTo, to, cc, subject, date,
                    text, safeHtml, attachments, kind, reason, bounce, caseReference, rejection);
        }
    }

    private static ReceivedMail malformed(String reason, String from) {
        return new ReceivedMail(null, null, List.of(), from, null, null, List.of(), List.of(), "", null, "", null,
                List.of(), MailKind.REJECTED, reason, null, null,
                new Rejection(RejectionReason.MALFORMED, MailTexts.malformedExplanation(), MailKind.NEW_OR_REPLY));
    }

    /** The header block of a message (up to the first empty line), at most {@link #MAX_HEADER_BYTES}. */
    static byte[] headersOnly(byte[] raw) {
        int max = Math.min(raw.length, MAX_HEADER_BYTES);
        for (int i = 0; i < max - 1; i++) {
            if (raw[i] == '\n' && (raw[i + 1] == '\n' || (raw[i + 1] == '\r' && i + 2 < max && raw[i + 2] == '\n'))) {
                return java.util.Arrays.copyOf(raw, i + 1);
            }
        }
        return java.util.Arrays.copyOf(raw, max);
    }

    static String subject(String raw) {
        if (raw == null) {
            return "";
        }
        return TextDecoding.truncate(TextDecoding.headerText(raw), MAX_SUBJECT_CHARS);
    }

    private static Instant date(MimeMessage message) {
        try {
            Date sent = message.getSentDate();
            return sent == null ? null : sent.toInstant();
        } catch (Exception e) {
            return null;
        }
    }

    static CaseReference caseReference(String subject) {
        Matcher m = CASE_REFERENCE.matcher(subject);
        while (m.find()) {
            String candidate = m.group(1).toUpperCase(Locale.ROOT);
            if (CaseReference.isWellFormed(candidate)) {
                return new CaseReference(candidate);
            }
        }
        return null;
    }

    private static Set<String> lowerCase(Set<String> values) {
        if (values == null) {
            return Set.of();
        }
        return values.stream().filter(v -> v != null && !v.isBlank()).map(v -> v.trim().toLowerCase(Locale.ROOT))
                .collect(Collectors.toUnmodifiableSet());
    }
}
