package fr.regard.mail.content;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/** Builders of raw test messages and archives. */
final class Mails {

    static final Set<String> OWN = Set.of("protectiondesdonnees@mairie-lille.fr", "regard@mairie-lille.fr");
    static final Set<String> OWN_DOMAINS = Set.of("regard.mairie-lille.fr");

    private Mails() {
    }

    static String headers(String... extra) {
        StringBuilder b = new StringBuilder();
        b.append("From: =?UTF-8?Q?Chlo=C3=A9_Martin?= <Chloe.Martin@Example.FR>\r\n");
        b.append("To: protectiondesdonnees@mairie-lille.fr\r\n");
        b.append("Date: Tue, 10 Mar 2026 09:15:00 +0100\r\n");
        b.append("Message-ID: <abc.123@mail.example.fr>\r\n");
        b.append("MIME-Version: 1.0\r\n");
        for (String h : extra) {
            b.append(h).append("\r\n");
        }
        return b.toString();
    }

    static ParsedBuilder plain(String subject, String body, String... extraHeaders) {
        return new ParsedBuilder(headers(extraHeaders) + "Subject: " + subject + "\r\n"
                + "Content-Type: text/plain; charset=utf-8\r\nContent-Transfer-Encoding: 8bit\r\n\r\n", body);
    }

    static ReceivedMail parse(String raw) {
        return parse(raw.getBytes(StandardCharsets.UTF_8));
    }

    static ReceivedMail parse(byte[] raw) {
        return MailParser.parse(raw, MailLimits.defaults(), OWN, OWN_DOMAINS);
    }

    static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            out.writeBytes(p);
        }
        return out.toByteArray();
    }

    static byte[] bytes(String s, Charset charset) {
        return s.getBytes(charset);
    }

    /** A multipart/mixed message with a text and attachments given as name, type, bytes triples. */
    static String withAttachments(String text, Object... nameTypeBytes) {
        StringBuilder b = new StringBuilder(headers("Subject: Pièces jointes",
                "Content-Type: multipart/mixed; boundary=\"BOUNDARY\""));
        b.append("\r\n--BOUNDARY\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n").append(text).append("\r\n");
        for (int i = 0; i < nameTypeBytes.length; i += 3) {
            b.append("--BOUNDARY\r\nContent-Type: ").append(nameTypeBytes[i + 1]).append("\r\n")
                    .append("Content-Disposition: attachment; filename=\"").append(nameTypeBytes[i]).append("\"\r\n")
                    .append("Content-Transfer-Encoding: base64\r\n\r\n")
                    .append(Base64.getMimeEncoder().encodeToString((byte[]) nameTypeBytes[i + 2])).append("\r\n");
        }
        return b.append("--BOUNDARY--\r\n").toString();
    }

    /** A zip of name, bytes pairs. */
    static byte[] zip(Object... nameBytes) {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            try (ZipOutputStream zip = new ZipOutputStream(out)) {
                for (int i = 0; i < nameBytes.length; i += 2) {
                    zip.putNextEntry(new ZipEntry((String) nameBytes[i]));
                    zip.write((byte[]) nameBytes[i + 1]);
                    zip.closeEntry();
                }
            }
            return out.toByteArray();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    record ParsedBuilder(String head, String body) {
        ReceivedMail parse() {
            return Mails.parse(head + body);
        }

        byte[] raw(Charset bodyCharset) {
            return concat(head.getBytes(StandardCharsets.UTF_8), body.getBytes(bodyCharset));
        }
    }
}
