package fr.regard.mail.content;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Bytes and header values to clean text. Mail in French arrives mislabelled often (no charset, "iso-8859-1" for
 * UTF-8, windows-1252 quotes and euro sign under "iso-8859-1"): the declared charset is trusted only when the bytes
 * agree with it; otherwise strict UTF-8 is tried, then windows-1252, which decodes every byte.
 */
final class TextDecoding {

    private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");
    /** Charsets whose text is Latin script: for these, valid multi-byte UTF-8 wins over the label. */
    private static final Set<String> LATIN_LABELS = Set.of("us-ascii", "iso-8859-1", "iso-8859-15", "windows-1252",
            "utf-8", "ascii", "latin1", "cp1252");
    private static final Pattern ENCODED_WORD = Pattern.compile("=\\?([^?\\s]+)\\?([QqBb])\\?([^?\\s]*)\\?=");
    private static final Pattern BETWEEN_ENCODED_WORDS = Pattern.compile("(\\?=)[ \\t\\r\\n]+(=\\?)");

    private TextDecoding() {
    }

    /** Decodes body bytes, see the class comment. */
    static String decode(byte[] bytes, String declaredCharset) {
        Charset declared = charsetOrNull(declaredCharset);
        if (declared != null && !LATIN_LABELS.contains(declared.name().toLowerCase(Locale.ROOT))
                && !LATIN_LABELS.contains(declaredCharset.trim().toLowerCase(Locale.ROOT))) {
            return new String(bytes, declared);
        }
        String utf8 = strictUtf8(bytes);
        if (utf8 != null) {
            return utf8;
        }
        if (declared != null && declared.name().equalsIgnoreCase("ISO-8859-15")) {
            return new String(bytes, declared);
        }
        // iso-8859-1 labels mean windows-1252 in practice (HTML5 does the same): € and œ live in 0x80-0x9F
        return new String(bytes, WINDOWS_1252);
    }

    static Charset charsetOrNull(String name) {
        if (name == null || name.isBlank()) {
            return null;
        }
        String n = name.trim().replace("\"", "");
        try {
            return Charset.isSupported(n) ? Charset.forName(n) : null;
        } catch (RuntimeException e) {
            return null;
        }
    }

    private static String strictUtf8(byte[] bytes) {
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }

    /**
     * A raw header value (as Jakarta Mail reads it: one char per byte) to text: raw 8-bit bytes decoded as
     * {@link #decode}, RFC 2047 encoded words decoded with the same tolerance, control characters removed.
     */
    static String headerText(String raw) {
        if (raw == null) {
            return null;
        }
        String unfolded = raw.replaceAll("\r?\n[ \t]*", " ");
        String text = reByte(unfolded);
        text = BETWEEN_ENCODED_WORDS.matcher(text).replaceAll("$1$2");
        Matcher m = ENCODED_WORD.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(out, Matcher.quoteReplacement(decodeWord(m.group(1), m.group(2), m.group(3), m.group())));
        }
        m.appendTail(out);
        return singleLine(out.toString());
    }

    /** Undoes the one-char-per-byte reading when the value holds raw 8-bit text. */
    private static String reByte(String value) {
        boolean eightBit = false;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c > 0xFF) {
                return value;
            }
            eightBit |= c > 0x7F;
        }
        return eightBit ? decode(value.getBytes(StandardCharsets.ISO_8859_1), null) : value;
    }

    private static String decodeWord(String charset, String encoding, String payload, String original) {
        try {
            String cs = charset.contains("*") ? charset.substring(0, charset.indexOf('*')) : charset; // RFC 2231 language
            byte[] bytes = encoding.equalsIgnoreCase("B") ? base64(payload) : quotedPrintableWord(payload);
            return decode(bytes, cs);
        } catch (RuntimeException e) {
            return original;
        }
    }

    private static byte[] base64(String payload) {
        String clean = payload.replaceAll("[^A-Za-z0-9+/]", "");
        while (clean.length() % 4 == 1) {
            clean = clean.substring(0, clean.length() - 1);
        }
        while (clean.length() % 4 != 0) {
            clean += "=";
        }
        return Base64.getDecoder().decode(clean);
    }

    private static byte[] quotedPrintableWord(String payload) {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream(payload.length());
        for (int i = 0; i < payload.length(); i++) {
            char c = payload.charAt(i);
            if (c == '_') {
                out.write(' ');
            } else if (c == '=' && i + 2 < payload.length()
                    && Character.digit(payload.charAt(i + 1), 16) >= 0 && Character.digit(payload.charAt(i + 2), 16) >= 0) {
                out.write(Character.digit(payload.charAt(i + 1), 16) * 16 + Character.digit(payload.charAt(i + 2), 16));
                i += 2;
            } else {
                out.write(c & 0xFF);
            }
        }
        return out.toByteArray();
    }

    /** Removes control, bidi-override and replacement characters; tabs and line breaks become spaces; trims. */
    static String singleLine(String text) {
        StringBuilder b = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\t' || c == '\n' || c == '\r') {
                b.append(' ');
            } else if (!unwanted(c)) {
                b.append(c);
            }
        }
        return b.toString().replaceAll(" {2,}", " ").trim();
    }

    /** Keeps line breaks (normalised to \n) and tabs; removes other control and bidi-override characters. */
    static String multiLine(String text) {
        String lines = text.replace("\r\n", "\n").replace('\r', '\n');
        StringBuilder b = new StringBuilder(lines.length());
        for (int i = 0; i < lines.length(); i++) {
            char c = lines.charAt(i);
            if (c == '\n' || c == '\t' || !unwanted(c)) {
                b.append(c);
            }
        }
        return b.toString();
    }

    private static boolean unwanted(char c) {
        return Character.getType(c) == Character.CONTROL
                || (c >= '\u202A' && c <= '\u202E') || (c >= '\u2066' && c <= '\u2069')
                || c == '\u200E' || c == '\u200F' || c == '\uFFFD' || c == '\uFEFF';
    }

    static String truncate(String text, int max) {
        if (text.length() <= max) {
            return text;
        }
        int end = Character.isHighSurrogate(text.charAt(max - 1)) ? max - 1 : max;
        return text.substring(0, end);
    }
}
