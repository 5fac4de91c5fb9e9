package fr.regard.archive.domain;

import java.util.HexFormat;
import java.util.Objects;

/** A segment the ingest read through, with the SHA-256 of exactly {@code segment.size()} bytes (lower-case hex). */
public record HashedSegment(SegmentRef segment, String sha256) {

    public HashedSegment {
        Objects.requireNonNull(segment, "segment");
        if (sha256 == null || sha256.length() != 64 || !sha256.equals(sha256.toLowerCase(java.util.Locale.ROOT))) {
            throw new IllegalArgumentException("A SHA-256 is 64 lower-case hex digits: " + sha256);
        }
        HexFormat.of().parseHex(sha256);
    }
}
