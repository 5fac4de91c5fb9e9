package fr.regard.journal.format;

import java.util.List;
import java.util.Objects;

/**
 * The outcome of opening a C2SP signed note (c2sp.org/signed-note): its text, the signatures that verified against
 * known keys (at least one, one per key) and the signatures from unknown keys, which were ignored.
 */
public final class VerifiedNote {

    private final String text;
    private final List<NoteSignature> verified;
    private final List<NoteSignature> unverified;

    VerifiedNote(String text, List<NoteSignature> verified, List<NoteSignature> unverified) {
        this.text = Objects.requireNonNull(text, "text");
        this.verified = List.copyOf(verified);
        this.unverified = List.copyOf(unverified);
        if (this.verified.isEmpty()) {
            throw new IllegalArgumentException("a verified note has at least one verified signature");
        }
    }

    /** The note text, ending in a newline; trustworthy only because of {@link #verifiedSignatures()}. */
    public String text() {
        return text;
    }

    public List<NoteSignature> verifiedSignatures() {
        return verified;
    }

    /** Signatures from keys that were not given; they were not checked. */
    public List<NoteSignature> unverifiedSignatures() {
        return unverified;
    }

    /** Whether the given key signed the note. */
    public boolean isVerifiedBy(NoteVerifier verifier) {
        return verified.stream().anyMatch(verifier::matches);
    }

    @Override
    public String toString() {
        return "VerifiedNote[verified=" + verified + ", unverified=" + unverified + "]";
    }
}
