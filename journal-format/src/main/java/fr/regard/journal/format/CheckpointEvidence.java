package fr.regard.journal.format;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;

/**
 * One line of a bundle's {@code checkpoints.jsonl} (docs/journal-format.md, "Bundle"): the whole text of a signed
 * checkpoint note (C2SP tlog-checkpoint in a C2SP signed note) and, optionally, the DER RFC 3161 TimeStampToken
 * whose message imprint is SHA-256 of the note's UTF-8 bytes. Untrusted until {@link JournalAudit} checked it.
 */
public final class CheckpointEvidence {

    private final String signedNote;
    private final byte[] timestampToken;

    private CheckpointEvidence(String signedNote, byte[] timestampToken) {
        this.signedNote = Objects.requireNonNull(signedNote, "signedNote");
        this.timestampToken = timestampToken == null ? null : timestampToken.clone();
    }

    public static CheckpointEvidence of(String signedNote) {
        return new CheckpointEvidence(signedNote, null);
    }

    public static CheckpointEvidence of(String signedNote, byte[] timestampToken) {
        return new CheckpointEvidence(signedNote, Objects.requireNonNull(timestampToken, "timestampToken"));
    }

    public static CheckpointEvidence of(SignedNote note) {
        return of(note.format());
    }

    /** The signed note text: note text, blank line, signature lines. */
    public String signedNote() {
        return signedNote;
    }

    /** The UTF-8 bytes of the signed note: what a timestamp token's message imprint hashes. */
    public byte[] noteBytes() {
        return signedNote.getBytes(StandardCharsets.UTF_8);
    }

    /** A copy of the DER TimeStampToken, if any. */
    public Optional<byte[]> timestampToken() {
        return Optional.ofNullable(timestampToken).map(byte[]::clone);
    }

    /** This evidence with another token (or none). */
    public CheckpointEvidence withTimestampToken(byte[] token) {
        return new CheckpointEvidence(signedNote, token);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof CheckpointEvidence that && signedNote.equals(that.signedNote)
                && Arrays.equals(timestampToken, that.timestampToken);
    }

    @Override
    public int hashCode() {
        return signedNote.hashCode() * 31 + Arrays.hashCode(timestampToken);
    }

    @Override
    public String toString() {
        return "CheckpointEvidence[" + signedNote.lines().limit(2).reduce((a, b) -> a + " " + b).orElse("")
                + (timestampToken == null ? "" : ", timestamped") + "]";
    }
}
