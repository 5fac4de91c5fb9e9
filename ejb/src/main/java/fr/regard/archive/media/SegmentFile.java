package fr.regard.archive.media;

import java.nio.file.Path;
import java.time.Instant;
import java.util.Objects;

/**
 * One recorded segment given to the extraction engine: its file, when it starts and ends (as the archive lists it),
 * and the name the engine uses when it reports a problem with it (the archive location, e.g.
 * {@code LIL-004/20261120/133000-60.mp4}). A frame's instant is {@code start} plus its timestamp in the file.
 */
public record SegmentFile(Path file, Instant start, Instant end, String name) {

    public SegmentFile {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(end, "end");
        if (!end.isAfter(start)) {
            throw new IllegalArgumentException("A segment ends after it starts: " + start + " → " + end);
        }
        name = name == null || name.isBlank() ? file.getFileName().toString() : name;
    }

    public SegmentFile(Path file, Instant start, Instant end) {
        this(file, start, end, null);
    }
}
