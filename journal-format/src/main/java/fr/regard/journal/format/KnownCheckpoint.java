package fr.regard.journal.format;

import java.util.Objects;

/**
 * The newest checkpoint the auditor saw before (docs/journal-format.md, "Audit", rollback check): either the signed note
 * text as saved by the auditor, which the audit verifies with the pinned key, or a checkpoint the caller already
 * verified (the server's own integrity check).
 */
public final class KnownCheckpoint {

    private final String signedNote;
    private final Checkpoint verified;

    private KnownCheckpoint(String signedNote, Checkpoint verified) {
        this.signedNote = signedNote;
        this.verified = verified;
    }

    /** A signed note text, to be verified with the pinned key. */
    public static KnownCheckpoint ofSignedNote(String signedNote) {
        return new KnownCheckpoint(Objects.requireNonNull(signedNote, "signedNote"), null);
    }

    /** A checkpoint already verified by the caller. */
    public static KnownCheckpoint ofVerified(Checkpoint checkpoint) {
        return new KnownCheckpoint(null, Objects.requireNonNull(checkpoint, "checkpoint"));
    }

    /** Opens the known checkpoint with the pinned key. */
    Checkpoint open(NoteVerifier pinnedKey) throws NoteVerificationException {
        return verified != null ? verified
                : Checkpoint.open(signedNote.getBytes(java.nio.charset.StandardCharsets.UTF_8), pinnedKey);
    }

    @Override
    public String toString() {
        return verified != null ? "KnownCheckpoint[" + verified + "]" : "KnownCheckpoint[signed note]";
    }
}
