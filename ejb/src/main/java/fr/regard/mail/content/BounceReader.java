package fr.regard.mail.content;

import jakarta.mail.internet.InternetHeaders;

import java.io.ByteArrayInputStream;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a bounce says: from its RFC 3464 delivery-status part when it has one, else best-effort from the text
 * (qmail, Exim and Postfix without DSN write the address, the status code and the original headers in plain text).
 */
final class BounceReader {

    private static final Pattern STATUS = Pattern.compile("\\b([245]\\.\\d{1,3}\\.\\d{1,3})\\b");
    private static final Pattern ADDRESS = Pattern.compile("<?([^\\s<>\"(),;:@]+@[^\\s<>\"(),;:@]+\\.[A-Za-z]{2,})>?");
    private static final Pattern MESSAGE_ID_LINE = Pattern.compile("(?im)^\\s*Message-ID:\\s*(<[^>\\s]+>)");

    private BounceReader() {
    }

    static BounceInfo read(List<String> deliveryStatus, List<byte[]> originalHeaders, List<String> texts,
                           String inReplyTo, List<String> references, Set<String> ownAddresses) {
        String recipient = null;
        String status = null;
        String diagnostic = null;
        for (String dsn : deliveryStatus) {
            String unfolded = dsn.replaceAll("\r?\n[ \t]+", " ");
            recipient = first(recipient, field(unfolded, "Final-Recipient"), field(unfolded, "Original-Recipient"));
            status = first(status, code(field(unfolded, "Status")));
            diagnostic = first(diagnostic, field(unfolded, "Diagnostic-Code"));
        }
        String text = String.join("\n", texts);
        if (status == null) {
            Matcher m = STATUS.matcher(text);
            if (m.find()) {
                status = m.group(1);
                diagnostic = first(diagnostic, lineAround(text, m.start()));
            }
        }
        if (recipient == null) {
            Matcher m = ADDRESS.matcher(text);
            while (m.find() && recipient == null) {
                String candidate = m.group(1).toLowerCase(Locale.ROOT);
                if (!candidate.matches("^(mailer-daemon|postmaster)@.*") && !ownAddresses.contains(candidate)) {
                    recipient = candidate;
                }
            }
        } else {
            recipient = recipient.replaceFirst("(?i)^(rfc822|utf-8)\\s*;\\s*", "").replaceAll("[<>\\s]", "")
                    .toLowerCase(Locale.ROOT);
        }
        String original = null;
        for (byte[] headers : originalHeaders) {
            original = first(original, messageIdOf(headers));
        }
        if (original == null) {
            Matcher m = MESSAGE_ID_LINE.matcher(text);
            if (m.find()) {
                original = MailHeaders.messageIds(m.group(1)).stream().findFirst().orElse(null);
            }
        }
        if (original == null) {
            original = inReplyTo != null ? inReplyTo : references.isEmpty() ? null : references.get(references.size() - 1);
        }
        return new BounceInfo(original, recipient, status,
                diagnostic == null ? null : TextDecoding.truncate(TextDecoding.singleLine(diagnostic), 1000));
    }

    private static String messageIdOf(byte[] headers) {
        try {
            InternetHeaders parsed = new InternetHeaders(new ByteArrayInputStream(headers));
            String[] ids = parsed.getHeader("Message-ID");
            return ids == null ? null : MailHeaders.messageIds(ids[0]).stream().findFirst().orElse(null);
        } catch (Exception e) {
            return null;
        }
    }

    private static String field(String block, String name) {
        Matcher m = Pattern.compile("(?im)^\\s*" + Pattern.quote(name) + "\\s*:\\s*(.+)$").matcher(block);
        return m.find() ? m.group(1).trim() : null;
    }

    private static String code(String status) {
        if (status == null) {
            return null;
        }
        Matcher m = STATUS.matcher(status);
        return m.find() ? m.group(1) : null;
    }

    private static String lineAround(String text, int index) {
        int start = text.lastIndexOf('\n', index) + 1;
        int end = text.indexOf('\n', index);
        return text.substring(start, end < 0 ? text.length() : end).trim();
    }

    private static String first(String... values) {
        for (String v : values) {
            if (v != null && !v.isBlank()) {
                return v;
            }
        }
        return null;
    }
}
