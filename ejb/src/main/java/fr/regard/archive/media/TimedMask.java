package fr.regard.archive.media;

import java.time.Instant;
import java.util.Objects;

/**
 * A third party to mask in an extract: an area of the picture, from one instant to another (half-open), as an
 * operator sets it. It covers every frame shown at any moment of {@code [from, to)}: a frame that starts before
 * {@code from} but is still on screen at {@code from} is masked too (when in doubt, mask).
 */
public record TimedMask(MaskArea area, Instant from, Instant to) {

    public TimedMask {
        Objects.requireNonNull(area, "area");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        if (!to.isAfter(from)) {
            throw new IllegalArgumentException("A mask ends after it starts: " + from + " → " + to);
        }
    }
}
