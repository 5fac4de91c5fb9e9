package fr.regard.mail.content;

import jakarta.mail.BodyPart;
import jakarta.mail.Part;
import jakarta.mail.internet.ContentType;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.internet.MimePart;
import jakarta.mail.internet.MimePartDataSource;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Walks the MIME tree of a message once: text and HTML bodies, attachments (checked as they are read), and for a
 * bounce its delivery-status and original-message parts. A part that cannot be read is kept as a refused
 * attachment so that the DPO knows something was lost; the walk goes on with the next part.
 */
final class MimeWalker {

    /** MIME nesting deeper than this is not followed (real clients nest 3 or 4 levels). */
    static final int MAX_MIME_DEPTH = 20;
    /** Parts beyond this are not read at all. */
    static final int MAX_PARTS = 500;
    private static final Set<String> WINDOWS_RESERVED = Set.of("con", "prn", "aux", "nul", "com1", "com2", "com3",
            "com4", "com5", "com6", "com7", "com8", "com9", "lpt1", "lpt2", "lpt3", "lpt4", "lpt5", "lpt6", "lpt7",
            "lpt8", "lpt9");

    private final MailLimits limits;
    private final boolean bounce;
    final List<String> plainTexts = new ArrayList<>();
    final List<String> htmlTexts = new ArrayList<>();
    final List<MailAttachment> attachments = new ArrayList<>();
    final List<String> deliveryStatus = new ArrayList<>();
    final List<byte[]> originalHeaders = new ArrayList<>();
    private int parts;
    private int attachmentCount;

    MimeWalker(MailLimits limits, boolean bounce) {
        this.limits = limits;
        this.bounce = bounce;
    }

    void walk(MimePart part, int depth) {
        if (depth > MAX_MIME_DEPTH || ++parts > MAX_PARTS) {
            return;
        }
        MailHeaders headers = new MailHeaders(part);
        String type = baseType(headers.contentType());
        try {
            if (type.startsWith("multipart/")) {
                MimeMultipart multipart = new MimeMultipart(new MimePartDataSource(part));
                int count = multipart.getCount();
                for (int i = 0; i < count; i++) {
                    BodyPart child = multipart.getBodyPart(i);
                    if (child instanceof MimePart mimeChild) {
                        walk(mimeChild, depth + 1);
                    }
                }
                return;
            }
            String fileName = fileName(part);
            boolean attached = fileName != null || Part.ATTACHMENT.equalsIgnoreCase(disposition(part));
            if (!attached && (type.equals("text/plain") || type.equals("text/html"))) {
                Read read = read(part, limits.maxMessageBytes());
                String text = TextDecoding.decode(read.bytes, charset(headers.contentType()));
                (type.equals("text/plain") ? plainTexts : htmlTexts).add(text);
            } else if (bounce && (type.equals("message/delivery-status") || type.equals("message/global-delivery-status"))) {
                deliveryStatus.add(TextDecoding.decode(read(part, 1024 * 1024).bytes, "utf-8"));
            } else if (bounce && (type.equals("text/rfc822-headers") || type.equals("message/rfc822")
                    || type.equals("message/global-headers"))) {
                originalHeaders.add(read(part, 1024 * 1024).bytes);
            } else {
                attachment(part, fileName, type);
            }
        } catch (Exception | StackOverflowError e) {
            attachments.add(new MailAttachment(sanitiseFileName(null, attachments.size() + 1), type,
                    FileTypes.OCTET_STREAM, 0, null, null, false,
                    "Partie du message illisible (format invalide) : elle n'a pas pu être conservée."));
        }
    }

    private void attachment(MimePart part, String rawName, String declaredType) throws Exception {
        attachmentCount++;
        String name = sanitiseFileName(rawName, attachmentCount);
        if (rawName == null && declaredType.equals("message/rfc822")) {
            name = "message-joint-" + attachmentCount + ".eml";
        }
        boolean overCount = attachmentCount > limits.maxAttachments();
        Read read = read(part, overCount ? 0 : limits.maxAttachmentBytes());
        String detected = FileTypes.detect(read.head, read.headLength);
        String refusal = null;
        if (overCount) {
            refusal = "Nombre maximal de pièces jointes (" + limits.maxAttachments()
                    + ") dépassé : cette pièce jointe n'a pas été conservée.";
        } else if (read.bytes == null) {
            refusal = "Pièce jointe trop volumineuse (" + MailTexts.megabytes(read.size) + ", maximum "
                    + MailTexts.megabytes(limits.maxAttachmentBytes()) + ") : elle n'a pas été conservée.";
        } else if (FileTypes.executableName(name)) {
            refusal = "Programme ou script (." + FileTypes.extension(name) + ") : refusé par sécurité.";
        } else if (FileTypes.executableType(detected)) {
            refusal = "Programme exécutable sous un autre nom (type reconnu : " + detected + ") : refusé par sécurité.";
        } else if (FileTypes.archiveType(detected)) {
            refusal = ArchiveInspector.refusal(read.bytes, detected, name, limits);
        }
        attachments.add(new MailAttachment(name, declaredType, detected, read.size, read.sha256,
                refusal == null ? read.bytes : null, refusal == null, refusal));
    }

    /** The decoded content: digested and measured whole, kept up to {@code keepMax} bytes (null beyond). */
    private static Read read(MimePart part, long keepMax) throws Exception {
        MessageDigest sha = sha256();
        ByteArrayOutputStream kept = new ByteArrayOutputStream();
        byte[] head = new byte[FileTypes.HEAD];
        int headLength = 0;
        long size = 0;
        boolean overflow = false;
        try (InputStream in = part.getInputStream()) {
            byte[] buffer = new byte[8192];
            int n;
            while ((n = in.read(buffer)) >= 0) {
                sha.update(buffer, 0, n);
                if (headLength < head.length) {
                    int h = Math.min(n, head.length - headLength);
                    System.arraycopy(buffer, 0, head, headLength, h);
                    headLength += h;
                }
                size += n;
                if (!overflow && size <= keepMax) {
                    kept.write(buffer, 0, n);
                } else {
                    overflow = true;
                }
            }
        } catch (IOException e) {
            // a truncated or badly encoded part: what was read is kept, as mail clients show it
        }
        return new Read(overflow ? null : kept.toByteArray(), size, HexFormat.of().formatHex(sha.digest()), head, headLength);
    }

    private record Read(byte[] bytes, long size, String sha256, byte[] head, int headLength) {
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    private static String fileName(MimePart part) {
        try {
            return part.getFileName();
        } catch (Exception e) {
            return null;
        }
    }

    private static String disposition(MimePart part) {
        try {
            return part.getDisposition();
        } catch (Exception e) {
            return null;
        }
    }

    static String baseType(String contentType) {
        int semicolon = contentType.indexOf(';');
        return (semicolon < 0 ? contentType : contentType.substring(0, semicolon)).trim().toLowerCase(Locale.ROOT);
    }

    static String charset(String contentType) {
        try {
            return new ContentType(contentType).getParameter("charset");
        } catch (Exception e) {
            java.util.regex.Matcher m = java.util.regex.Pattern.compile("charset\\s*=\\s*\"?([^\";\\s]+)")
                    .matcher(contentType);
            return m.find() ? m.group(1) : null;
        }
    }

    /** No folder, no control or bidi characters, no characters Windows forbids, at most 200 characters. */
    static String sanitiseFileName(String raw, int index) {
        String name = raw == null ? "" : TextDecoding.singleLine(TextDecoding.headerText(raw));
        name = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
        name = name.replaceAll("[<>:\"|?*\\p{Cntrl}]", "_").replaceAll("^[\\s.]+|[\\s.]+$", "");
        if (name.isEmpty()) {
            return "piece-jointe-" + index;
        }
        int dot = name.lastIndexOf('.');
        String stem = dot > 0 ? name.substring(0, dot) : name;
        if (WINDOWS_RESERVED.contains(stem.toLowerCase(Locale.ROOT))) {
            name = "_" + name;
        }
        if (name.length() > 200) {
            String ext = dot > 0 && name.length() - dot <= 20 ? name.substring(name.lastIndexOf('.')) : "";
            name = TextDecoding.truncate(name, 200 - ext.length()) + ext;
        }
        return name;
    }
}
