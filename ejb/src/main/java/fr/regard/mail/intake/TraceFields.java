package fr.regard.mail.intake;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Set;

/**
 * What identifies a message whatever delivered it: every delivery prepends its own trace fields (Return-Path,
 * Received, Delivered-To, X-Original-To, RFC 5321 §4.4), so two deliveries of one message differ in their first
 * lines only. The content hash skips those leading fields; the Message-ID is read from the header block.
 */
final class TraceFields {

    private static final Set<String> TRACE = Set.of("return-path", "received", "delivered-to", "x-original-to");

    private TraceFields() {
    }

    /** SHA-256 (hex) of {@code raw} after its leading trace fields (with their folded lines). */
    static String contentSha256(byte[] raw) {
        int offset = 0;
        boolean inTrace = false;
        while (offset < raw.length) {
            int end = lineEnd(raw, offset);
            String line = new String(raw, offset, end - offset, StandardCharsets.ISO_8859_1);
            boolean folded = !line.isEmpty() && (line.charAt(0) == ' ' || line.charAt(0) == '\t');
            int colon = line.indexOf(':');
            boolean trace = !folded && colon > 0
                    && TRACE.contains(line.substring(0, colon).strip().toLowerCase(Locale.ROOT));
            if (!trace && !(folded && inTrace)) {
                break;
            }
            inTrace = true;
            offset = end;
        }
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update(raw, offset, raw.length - offset);
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The Message-ID of the header block, without angle brackets, or null. */
    static String messageId(byte[] raw) {
        String headers = new String(raw, 0, headerEnd(raw), StandardCharsets.ISO_8859_1).replaceAll("\r?\n[ \t]+", " ");
        for (String line : headers.split("\r?\n")) {
            int colon = line.indexOf(':');
            if (colon > 0 && line.substring(0, colon).strip().equalsIgnoreCase("Message-ID")) {
                String value = line.substring(colon + 1).strip();
                int lt = value.indexOf('<');
                int gt = value.indexOf('>', lt + 1);
                String id = lt >= 0 && gt > lt ? value.substring(lt + 1, gt) : value;
                id = id.strip();
                return id.isEmpty() || id.length() > 998 ? null : id;
            }
        }
        return null;
    }

    private static int headerEnd(byte[] raw) {
        int max = Math.min(raw.length, 1024 * 1024);
        for (int i = 0; i < max - 1; i++) {
            if (raw[i] == '\n' && (raw[i + 1] == '\n' || (raw[i + 1] == '\r' && i + 2 < max && raw[i + 2] == '\n'))) {
                return i + 1;
            }
        }
        return max;
    }

    /** Index just after the line starting at {@code offset} (its LF included). */
    private static int lineEnd(byte[] raw, int offset) {
        for (int i = offset; i < raw.length; i++) {
            if (raw[i] == '\n') {
                return i + 1;
            }
        }
        return raw.length;
    }
}
