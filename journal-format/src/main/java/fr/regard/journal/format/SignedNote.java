package fr.regard.journal.format;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * A C2SP signed note (c2sp.org/signed-note, "Format"): a UTF-8 text ending in a newline, a blank line, then one or
 * more signature lines {@code — <key name> base64(key ID || signature)}. The text is split from the signatures at
 * the last blank line; no ASCII control character but the newline may appear. Interoperable with
 * golang.org/x/mod/sumdb/note.
 *
 * <p>Immutable. A parsed note is only well-formed: its text must be ignored until {@link #verify} (or
 * {@link #open}) has checked a signature from a trusted key.
 */
public final class SignedNote {

    /** Most signature lines accepted in one note (the format asks verifiers to accept at least 16). */
    public static final int MAX_SIGNATURES = 100;

    private final String text;
    private final List<NoteSignature> signatures;

    /** A note from its text (non-empty, ending in a newline) and 1 to {@value #MAX_SIGNATURES} signatures. */
    public SignedNote(String text, List<NoteSignature> signatures) {
        this.text = requireText(text);
        this.signatures = List.copyOf(signatures);
        if (this.signatures.isEmpty() || this.signatures.size() > MAX_SIGNATURES) {
            throw new IllegalArgumentException("a signed note has 1 to " + MAX_SIGNATURES + " signatures, not "
                    + this.signatures.size());
        }
    }

    /** Signs {@code text} with each signer, in order. */
    public static SignedNote sign(String text, NoteSigner... signers) {
        return sign(text, List.of(signers));
    }

    /** Signs {@code text} with each signer, in order. */
    public static SignedNote sign(String text, List<NoteSigner> signers) {
        byte[] message = requireText(text).getBytes(StandardCharsets.UTF_8);
        List<NoteSignature> signatures = new ArrayList<>(signers.size());
        for (NoteSigner signer : signers) {
            signatures.add(new NoteSignature(signer.name(), signer.keyId(), signer.sign(message)));
        }
        return new SignedNote(text, signatures);
    }

    /** Parses a signed note without checking any signature; {@link NoteVerificationException.Reason#MALFORMED}. */
    public static SignedNote parse(byte[] note) throws NoteVerificationException {
        Objects.requireNonNull(note, "note");
        String decoded;
        try {
            decoded = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(note))
                    .toString();
        } catch (CharacterCodingException e) {
            throw malformed("a signed note is UTF-8", e);
        }
        return parse(decoded);
    }

    /** Parses a signed note without checking any signature; {@link NoteVerificationException.Reason#MALFORMED}. */
    public static SignedNote parse(String note) throws NoteVerificationException {
        Objects.requireNonNull(note, "note");
        if (!NoteSyntax.isValidNoteCharacters(note)) {
            throw malformed("a signed note has no control character but newline", null);
        }
        int split = note.lastIndexOf("\n\n");
        if (split < 0) {
            throw malformed("a signed note has a blank line before its signatures", null);
        }
        String text = note.substring(0, split + 1);
        String block = note.substring(split + 2);
        if (block.isEmpty() || !block.endsWith("\n")) {
            throw malformed("a signed note ends with signature lines, each ending in a newline", null);
        }
        String[] lines = block.substring(0, block.length() - 1).split("\n", -1);
        if (lines.length > MAX_SIGNATURES) {
            throw malformed("a signed note has at most " + MAX_SIGNATURES + " signatures", null);
        }
        List<NoteSignature> signatures = new ArrayList<>(lines.length);
        try {
            for (String line : lines) {
                signatures.add(NoteSignature.parseLine(line));
            }
            return new SignedNote(text, signatures);
        } catch (IllegalArgumentException e) {
            throw malformed(e.getMessage(), e);
        }
    }

    /** Parses {@code note} and {@link #verify verifies} it against {@code verifiers}. */
    public static VerifiedNote open(byte[] note, Collection<NoteVerifier> verifiers) throws NoteVerificationException {
        return parse(note).verify(verifiers);
    }

    /**
     * Checks the signatures against the known keys, per c2sp.org/signed-note "Signatures": signatures whose key
     * name and key ID match no known key are ignored; every signature from a known key must verify; at least one
     * must. Repeated signatures are reported once.
     */
    public VerifiedNote verify(Collection<NoteVerifier> verifiers) throws NoteVerificationException {
        Set<NoteVerifier> known = new LinkedHashSet<>(verifiers);
        byte[] message = text.getBytes(StandardCharsets.UTF_8);
        List<NoteSignature> verified = new ArrayList<>();
        List<NoteSignature> unverified = new ArrayList<>();
        for (NoteSignature signature : signatures) {
            List<NoteVerifier> candidates = known.stream().filter(v -> v.matches(signature)).toList();
            String key = signature.keyName() + "+" + NoteSyntax.hex8(signature.keyId());
            if (candidates.isEmpty()) {
                if (!unverified.contains(signature)) {
                    unverified.add(signature);
                }
            } else if (candidates.size() > 1) {
                throw new NoteVerificationException(NoteVerificationException.Reason.AMBIGUOUS_KEY,
                        "ambiguous key " + key);
            } else if (!signature.verifiedBy(candidates.get(0), message)) {
                throw new NoteVerificationException(NoteVerificationException.Reason.INVALID_SIGNATURE,
                        "invalid signature for key " + key);
            } else if (verified.stream().noneMatch(signature::sameKey)) {
                verified.add(signature);
            }
        }
        if (verified.isEmpty()) {
            throw new NoteVerificationException(NoteVerificationException.Reason.NO_KNOWN_SIGNATURE,
                    "note has no signature from a known key");
        }
        return new VerifiedNote(text, verified, unverified);
    }

    /** This note with the signer's signature added, replacing any earlier signature by the same key. */
    public SignedNote cosign(NoteSigner signer) {
        NoteSignature added = new NoteSignature(signer.name(), signer.keyId(),
                signer.sign(text.getBytes(StandardCharsets.UTF_8)));
        List<NoteSignature> result = new ArrayList<>(signatures);
        result.removeIf(added::sameKey);
        result.add(added);
        return new SignedNote(text, result);
    }

    /** The note text, ending in a newline; untrusted until verified. */
    public String text() {
        return text;
    }

    public List<NoteSignature> signatures() {
        return signatures;
    }

    /** The signed note as text: text, blank line, signature lines. */
    public String format() {
        StringBuilder out = new StringBuilder(text).append('\n');
        signatures.forEach(signature -> out.append(signature.line()));
        return out.toString();
    }

    /** The signed note as UTF-8 bytes. */
    public byte[] toBytes() {
        return format().getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof SignedNote that && text.equals(that.text) && signatures.equals(that.signatures);
    }

    @Override
    public int hashCode() {
        return text.hashCode() * 31 + signatures.hashCode();
    }

    @Override
    public String toString() {
        return format();
    }

    private static String requireText(String text) {
        Objects.requireNonNull(text, "text");
        if (!text.endsWith("\n")) {
            throw new IllegalArgumentException("a note text ends with a newline");
        }
        if (!NoteSyntax.isValidNoteCharacters(text)) {
            throw new IllegalArgumentException("a note text is well-formed and has no control character but newline");
        }
        return text;
    }

    private static NoteVerificationException malformed(String message, Throwable cause) {
        return new NoteVerificationException(NoteVerificationException.Reason.MALFORMED,
                "malformed note: " + message, cause);
    }
}
