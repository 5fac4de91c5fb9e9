package fr.regard.journal.format;

/**
 * String serialisation of RFC 8785 (JSON Canonicalization Scheme) §3.2.2.2, which is ECMAScript's
 * {@code JSON.stringify}: only {@code "}, {@code \} and U+0000..U+001F are escaped, the last with the short forms
 * {@code \b \t \n \f \r} where they exist and {@code \\u00xx} in lowercase hexadecimal otherwise; every other
 * character, U+007F, non-ASCII, U+2028 and U+2029 included, is written literally in UTF-8. Strings must also be
 * I-JSON (RFC 7493 §2.1, required by RFC 8785 §3.1): no lone surrogate and no noncharacter.
 */
final class Jcs {

    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private Jcs() {
    }

    /** Appends {@code text} as a canonical JSON string, quotes included; it must be I-JSON. */
    static void appendString(ByteSink out, String text) {
        out.write('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 0x80) {
                appendAscii(out, c);
            } else if (c < 0x800) {
                out.write(0xC0 | c >> 6);
                out.write(0x80 | c & 0x3F);
            } else if (Character.isSurrogate(c)) {
                if (!Character.isHighSurrogate(c) || i + 1 == text.length()
                        || !Character.isLowSurrogate(text.charAt(i + 1))) {
                    throw new IllegalArgumentException("lone surrogate at index " + i);
                }
                int cp = Character.toCodePoint(c, text.charAt(++i));
                out.write(0xF0 | cp >> 18);
                out.write(0x80 | cp >> 12 & 0x3F);
                out.write(0x80 | cp >> 6 & 0x3F);
                out.write(0x80 | cp & 0x3F);
            } else {
                out.write(0xE0 | c >> 12);
                out.write(0x80 | c >> 6 & 0x3F);
                out.write(0x80 | c & 0x3F);
            }
        }
        out.write('"');
    }

    private static void appendAscii(ByteSink out, char c) {
        switch (c) {
            case '"' -> out.ascii("\\\"");
            case '\\' -> out.ascii("\\\\");
            case '\b' -> out.ascii("\\b");
            case '\t' -> out.ascii("\\t");
            case '\n' -> out.ascii("\\n");
            case '\f' -> out.ascii("\\f");
            case '\r' -> out.ascii("\\r");
            default -> {
                if (c < 0x20) {
                    out.ascii("\\u00");
                    out.write(HEX[c >> 4]);
                    out.write(HEX[c & 0xF]);
                } else {
                    out.write(c);
                }
            }
        }
    }

    /** Why {@code text} is not an I-JSON string (lone surrogate or noncharacter), or null if it is one. */
    static String unicodeProblem(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                int cp = Character.toCodePoint(c, text.charAt(++i));
                if (isNoncharacter(cp)) {
                    return String.format("noncharacter U+%X", cp);
                }
            } else if (Character.isSurrogate(c)) {
                return String.format("lone surrogate U+%04X", (int) c);
            } else if (isNoncharacter(c)) {
                return String.format("noncharacter U+%04X", (int) c);
            }
        }
        return null;
    }

    /** The 66 Unicode noncharacters: U+FDD0..U+FDEF and the last two code points of every plane. */
    static boolean isNoncharacter(int cp) {
        return cp >= 0xFDD0 && cp <= 0xFDEF || (cp & 0xFFFE) == 0xFFFE;
    }
}
