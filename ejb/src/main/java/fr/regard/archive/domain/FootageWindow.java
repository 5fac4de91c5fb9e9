package fr.regard.archive.domain;

import java.time.Instant;
import java.util.Objects;

/** A window of recorded time, optionally limited to some cameras (empty: the cameras near the place, to find). */
public record FootageWindow(Instant start, Instant end, String place, String cameras) {

    public FootageWindow {
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(end, "end");
        if (end.isBefore(start)) {
            throw new IllegalArgumentException("a window ends after it starts");
        }
    }
}
