package fr.regard.archive.domain;

import java.time.Instant;
import java.util.Objects;

/**
 * A third party an operator masks in an extract (GDPR art. 15(4): a copy must not harm others): a rectangle of the
 * picture in normalised coordinates (0 = left/top edge, 1 = right/bottom edge), from one instant to another
 * (half-open). Blurred irreversibly: the pixels under it are replaced before encoding, not overlaid.
 */
public record ThirdPartyMask(double x, double y, double width, double height, Instant from, Instant to) {

    public ThirdPartyMask {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        if (!fits(x, y, width, height)) {
            throw new IllegalArgumentException("A mask is a rectangle inside the picture, coordinates from 0 to 1: "
                    + x + ", " + y + ", " + width + " × " + height);
        }
        if (!to.isAfter(from)) {
            throw new IllegalArgumentException("A mask ends after it starts: " + from + " → " + to);
        }
    }

    /** Whether {@code [x, y, width, height]} is a non-empty rectangle inside the unit square. */
    public static boolean fits(double x, double y, double width, double height) {
        return x >= 0 && y >= 0 && width > 0 && height > 0 && x + width <= 1 + 1e-9 && y + height <= 1 + 1e-9;
    }
}
