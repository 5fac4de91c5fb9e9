package fr.regard.journal.format;

import java.util.Arrays;
import java.util.Base64;

/**
 * The standard, padded base64 of RFC 4648 §4 used by C2SP signed notes and checkpoints, decoded strictly: only the
 * canonical encoding of some bytes is accepted (padding present, no stray characters, unused bits zero), so a
 * value has exactly one textual form.
 */
final class CanonicalBase64 {

    private CanonicalBase64() {
    }

    static String encode(byte[] bytes) {
        return Base64.getEncoder().encodeToString(bytes);
    }

    /** The decoded bytes, or an IllegalArgumentException if {@code text} is not canonical base64. */
    static byte[] decode(String text) {
        byte[] decoded;
        try {
            decoded = Base64.getDecoder().decode(text);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("not base64", e);
        }
        if (!encode(decoded).equals(text)) {
            Arrays.fill(decoded, (byte) 0);
            throw new IllegalArgumentException("not canonical padded base64");
        }
        return decoded;
    }
}
