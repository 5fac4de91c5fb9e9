package fr.regard.archive.media;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * A finished extract: the file, its size and SHA-256 (hex, of the file as published), how long it plays and how many
 * frames it holds, the instants of its first frame and of the end of its last, the periods of the window without
 * footage (longer than a second), every mask with the frames it covered, whether the frames were copied as recorded
 * or decoded and re-encoded, and which engine made it.
 */
public record ExtractionResult(Path output, long size, String sha256, Duration duration, long frames,
        Instant firstFrame, Instant end, List<Gap> gaps, List<AppliedMask> masks, Method method, String engine) {

    public enum Method {
        /** The recorded H.264 frames, unchanged (no mask applied, window starting on a key frame). */
        COPY,
        /** Decoded, masked and encoded again. */
        REENCODE
    }

    /** A period of the window without any frame. */
    public record Gap(Instant from, Instant to) {
    }

    public ExtractionResult {
        gaps = List.copyOf(gaps);
        masks = List.copyOf(masks);
    }
}
