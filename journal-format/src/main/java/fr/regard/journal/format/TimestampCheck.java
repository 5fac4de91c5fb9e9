package fr.regard.journal.format;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * Verifies an RFC 3161 TimeStampToken over a signed checkpoint note (docs/journal-format.md, "Bundle",
 * {@code checkpoints.jsonl}): the token's message imprint must be SHA-256 of the note's UTF-8 bytes and its
 * signature must come from a trusted time-stamping authority. The pure-JDK audit only calls it; the offline
 * verifier plugs in a BouncyCastle implementation. Implementations never throw for a bad token: they say why.
 */
@FunctionalInterface
public interface TimestampCheck {

    /** Checks {@code timestampToken} (DER) against the UTF-8 bytes of a signed note. */
    Result check(byte[] signedNote, byte[] timestampToken);

    /** The verdict on one token: valid with its genTime, or invalid with a French reason. */
    record Result(boolean valid, Optional<Instant> genTime, String message) {

        public Result {
            Objects.requireNonNull(genTime, "genTime");
            Objects.requireNonNull(message, "message");
        }

        public static Result valid(Instant genTime, String message) {
            return new Result(true, Optional.of(genTime), message);
        }

        public static Result invalid(String message) {
            return new Result(false, Optional.empty(), message);
        }
    }
}
