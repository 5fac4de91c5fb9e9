package fr.regard.journal.format;

import java.util.Arrays;
import java.util.Objects;

/**
 * One signature line of a C2SP signed note (c2sp.org/signed-note, "Signatures"):
 * {@code — <key name> base64(32-bit key ID || signature)}. Immutable; the signature itself is never empty.
 */
public final class NoteSignature {

    /** The em dash (U+2014) and space that open every signature line. */
    static final String LINE_PREFIX = "\u2014 ";

    private final String keyName;
    private final int keyId;
    private final byte[] signature;

    public NoteSignature(String keyName, int keyId, byte[] signature) {
        this.keyName = NoteSyntax.requireKeyName(keyName);
        this.keyId = keyId;
        Objects.requireNonNull(signature, "signature");
        if (signature.length == 0) {
            throw new IllegalArgumentException("a signature is not empty");
        }
        this.signature = signature.clone();
    }

    /** Parses one line, without its final newline. */
    static NoteSignature parseLine(String line) {
        if (!line.startsWith(LINE_PREFIX)) {
            throw new IllegalArgumentException("a signature line starts with an em dash and a space");
        }
        String rest = line.substring(LINE_PREFIX.length());
        int space = rest.indexOf(' ');
        if (space < 0) {
            throw new IllegalArgumentException("a signature line reads — <name> <base64>");
        }
        byte[] decoded = CanonicalBase64.decode(rest.substring(space + 1));
        if (decoded.length < 5) {
            throw new IllegalArgumentException("a signature holds a 4-byte key ID and at least one byte");
        }
        int keyId = ((decoded[0] & 0xff) << 24) | ((decoded[1] & 0xff) << 16) | ((decoded[2] & 0xff) << 8)
                | (decoded[3] & 0xff);
        return new NoteSignature(rest.substring(0, space), keyId, Arrays.copyOfRange(decoded, 4, decoded.length));
    }

    public String keyName() {
        return keyName;
    }

    public int keyId() {
        return keyId;
    }

    /** A copy of the signature bytes, without the key ID. */
    public byte[] signature() {
        return signature.clone();
    }

    /** The line, with its final newline. */
    public String line() {
        byte[] encoded = new byte[4 + signature.length];
        encoded[0] = (byte) (keyId >>> 24);
        encoded[1] = (byte) (keyId >>> 16);
        encoded[2] = (byte) (keyId >>> 8);
        encoded[3] = (byte) keyId;
        System.arraycopy(signature, 0, encoded, 4, signature.length);
        return LINE_PREFIX + keyName + " " + CanonicalBase64.encode(encoded) + "\n";
    }

    boolean verifiedBy(NoteVerifier verifier, byte[] text) {
        return verifier.verify(text, signature);
    }

    boolean sameKey(NoteSignature other) {
        return keyId == other.keyId && keyName.equals(other.keyName);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof NoteSignature that
                && keyName.equals(that.keyName) && keyId == that.keyId && Arrays.equals(signature, that.signature);
    }

    @Override
    public int hashCode() {
        return (keyName.hashCode() * 31 + keyId) * 31 + Arrays.hashCode(signature);
    }

    @Override
    public String toString() {
        return line().strip();
    }
}
