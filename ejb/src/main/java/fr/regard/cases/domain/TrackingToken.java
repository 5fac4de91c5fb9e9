package fr.regard.cases.domain;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The requester's secret key to their case (no account needed): 256 random bits, URL-safe Base64.
 * It is shown once, at intake; the case stores only {@link #hash()}.
 */
public record TrackingToken(String value) {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Pattern FORMAT = Pattern.compile("[A-Za-z0-9_-]{43}");

    public TrackingToken {
        Objects.requireNonNull(value, "value");
        if (!FORMAT.matcher(value).matches()) {
            throw new IllegalArgumentException("Not a tracking token");
        }
    }

    public static TrackingToken generate() {
        byte[] secret = new byte[32];
        RANDOM.nextBytes(secret);
        return new TrackingToken(Base64.getUrlEncoder().withoutPadding().encodeToString(secret));
    }

    public static boolean isWellFormed(String candidate) {
        return candidate != null && FORMAT.matcher(candidate).matches();
    }

    /** Lower-case hex SHA-256 of the token text: what the database keeps. */
    public String hash() {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.US_ASCII));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every Java platform", e);
        }
    }

    @Override
    public String toString() {
        return "TrackingToken[redacted]";
    }
}
