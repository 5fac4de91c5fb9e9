package fr.regard.journal.format;

import java.nio.charset.StandardCharsets;

/**
 * Lexical rules of the C2SP signed-note format (c2sp.org/signed-note, "Format" and "Signatures"): key names, note
 * text characters, and the key ID {@code SHA-256(key name || 0x0A || signature type || public key)[:4]}.
 */
final class NoteSyntax {

    /** Signature type identifier byte of Ed25519 signatures. */
    static final byte ED25519 = 0x01;

    private NoteSyntax() {
    }

    /** Non-empty, well-formed, without Unicode spaces, plus signs or control characters. */
    static boolean isValidKeyName(String name) {
        if (name == null || name.isEmpty()) {
            return false;
        }
        return name.codePoints().allMatch(c -> c != '+' && !isSpace(c) && !Character.isISOControl(c)
                && Character.getType(c) != Character.SURROGATE);
    }

    static String requireKeyName(String name) {
        if (!isValidKeyName(name)) {
            throw new IllegalArgumentException("invalid key name " + (name == null ? null : '"' + name + '"')
                    + ": it must be non-empty, without spaces, plus signs or control characters");
        }
        return name;
    }

    /** Well-formed and free of ASCII control characters other than newline. */
    static boolean isValidNoteCharacters(String text) {
        return text.codePoints().allMatch(c -> (c >= 0x20 || c == '\n') && Character.getType(c) != Character.SURROGATE);
    }

    /** Key ID of an Ed25519 key: first four bytes, big-endian, of SHA-256(name || '\n' || 0x01 || key). */
    static int ed25519KeyId(String name, byte[] publicKey) {
        byte[] digest = MerkleHash.sha256(name.getBytes(StandardCharsets.UTF_8), new byte[] {'\n', ED25519}, publicKey);
        return ((digest[0] & 0xff) << 24) | ((digest[1] & 0xff) << 16) | ((digest[2] & 0xff) << 8) | (digest[3] & 0xff);
    }

    static String hex8(int keyId) {
        return String.format("%08x", keyId);
    }

    /** Parses exactly eight hexadecimal digits (either case), or returns null. */
    static Integer parseHex8(String text) {
        if (text.length() != 8) {
            return null;
        }
        int value = 0;
        for (int i = 0; i < 8; i++) {
            char c = text.charAt(i);
            int digit;
            if (c >= '0' && c <= '9') {
                digit = c - '0';
            } else if (c >= 'a' && c <= 'f') {
                digit = c - 'a' + 10;
            } else if (c >= 'A' && c <= 'F') {
                digit = c - 'A' + 10;
            } else {
                return null;
            }
            value = (value << 4) | digit;
        }
        return value;
    }

    private static boolean isSpace(int c) {
        return Character.isWhitespace(c) || Character.isSpaceChar(c) || c == 0x85;
    }
}
