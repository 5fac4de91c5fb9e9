package fr.regard.journal.format;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * A transparency log checkpoint of C2SP tlog-checkpoint (c2sp.org/tlog-checkpoint, "Note text"): the note text
 * {@code <origin>\n<tree size>\n<base64 root hash>\n} followed by optional non-empty extension lines, carried in a
 * {@link SignedNote}. Immutable; the constructor and {@link #parse} enforce a non-empty origin, a non-negative size
 * written in decimal without leading zeros, a 32-byte root hash and non-empty extension lines, none of them holding
 * a newline or another control character.
 */
public final class Checkpoint {

    private final String origin;
    private final long size;
    private final byte[] rootHash;
    private final List<String> extensions;

    public Checkpoint(String origin, long size, byte[] rootHash) {
        this(origin, size, rootHash, List.of());
    }

    public Checkpoint(String origin, long size, byte[] rootHash, List<String> extensions) {
        this.origin = requireLine(origin, "origin");
        if (size < 0) {
            throw new IllegalArgumentException("tree size must not be negative: " + size);
        }
        this.size = size;
        this.rootHash = MerkleHash.requireHash(rootHash, "root hash").clone();
        this.extensions = List.copyOf(extensions);
        this.extensions.forEach(line -> requireLine(line, "extension line"));
    }

    /** Parses a checkpoint note text (each line, the last included, ends with a newline). */
    public static Checkpoint parse(String noteText) {
        Objects.requireNonNull(noteText, "noteText");
        if (!noteText.endsWith("\n")) {
            throw new IllegalArgumentException("a checkpoint text ends with a newline");
        }
        String[] lines = noteText.substring(0, noteText.length() - 1).split("\n", -1);
        if (lines.length < 3) {
            throw new IllegalArgumentException("a checkpoint has an origin, a tree size and a root hash line");
        }
        byte[] rootHash;
        try {
            rootHash = CanonicalBase64.decode(lines[2]);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("the root hash line is not canonical base64", e);
        }
        return new Checkpoint(lines[0], parseSize(lines[1]), rootHash,
                Arrays.asList(lines).subList(3, lines.length));
    }

    /**
     * Opens a signed checkpoint that must carry a valid signature by {@code logKey}; other signatures (witness
     * cosignatures, for instance) are ignored. Callers should also check {@link #origin()} against the log they
     * expect.
     */
    public static Checkpoint open(byte[] signedNote, NoteVerifier logKey) throws NoteVerificationException {
        VerifiedNote note = SignedNote.open(signedNote, List.of(Objects.requireNonNull(logKey, "logKey")));
        try {
            return parse(note.text());
        } catch (IllegalArgumentException e) {
            throw new NoteVerificationException(NoteVerificationException.Reason.MALFORMED,
                    "malformed checkpoint: " + e.getMessage(), e);
        }
    }

    /** The note text: origin, size, root hash and extension lines, each ending in a newline. */
    public String toNoteText() {
        StringBuilder text = new StringBuilder()
                .append(origin).append('\n')
                .append(size).append('\n')
                .append(CanonicalBase64.encode(rootHash)).append('\n');
        extensions.forEach(line -> text.append(line).append('\n'));
        return text.toString();
    }

    /** This checkpoint as a note signed by the log key (whose name should be the origin). */
    public SignedNote sign(NoteSigner logKey) {
        return SignedNote.sign(toNoteText(), logKey);
    }

    public String origin() {
        return origin;
    }

    /** Number of leaves of the tree. */
    public long size() {
        return size;
    }

    /** A copy of the 32-byte RFC 6962 Merkle Tree Hash. */
    public byte[] rootHash() {
        return rootHash.clone();
    }

    public List<String> extensions() {
        return extensions;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Checkpoint that && origin.equals(that.origin) && size == that.size
                && Arrays.equals(rootHash, that.rootHash) && extensions.equals(that.extensions);
    }

    @Override
    public int hashCode() {
        return Objects.hash(origin, size, Arrays.hashCode(rootHash), extensions);
    }

    @Override
    public String toString() {
        return "Checkpoint[" + toNoteText().replace('\n', ' ').strip() + "]";
    }

    private static long parseSize(String line) {
        boolean digits = !line.isEmpty() && line.chars().allMatch(c -> c >= '0' && c <= '9');
        if (!digits || line.length() > 1 && line.charAt(0) == '0') {
            throw new IllegalArgumentException("the tree size is a decimal number without leading zeros: \"" + line + "\"");
        }
        try {
            return Long.parseLong(line);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("the tree size is too large: " + line, e);
        }
    }

    private static String requireLine(String line, String what) {
        Objects.requireNonNull(line, what);
        if (line.isEmpty() || !NoteSyntax.isValidNoteCharacters(line) || line.indexOf('\n') >= 0) {
            throw new IllegalArgumentException("the " + what + " is one non-empty line without control characters");
        }
        return line;
    }
}
