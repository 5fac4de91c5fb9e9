package fr.regard.archive.media;

import fr.regard.archive.domain.PrivacyMask;

/**
 * A rectangle of the picture to mask, in normalised coordinates (0 = left/top edge, 1 = right/bottom edge) so that it
 * fits any resolution, like a camera's {@link PrivacyMask}. In pixels it is widened to even coordinates (4:2:0
 * colour is stored per 2×2 block, so the colour of a masked pixel cannot survive beside it).
 */
public record MaskArea(double x, double y, double width, double height) {

    public MaskArea {
        if (!(x >= 0 && y >= 0 && width > 0 && height > 0 && x + width <= 1 + 1e-9 && y + height <= 1 + 1e-9)) {
            throw new IllegalArgumentException("A mask is a rectangle inside the picture, in coordinates from 0 to 1: "
                    + x + ", " + y + ", " + width + " × " + height);
        }
    }

    public static MaskArea of(PrivacyMask mask) {
        return new MaskArea(mask.x(), mask.y(), mask.width(), mask.height());
    }

    /** The pixels covered in a {@code frameWidth × frameHeight} picture: {@code [left, top, right, bottom)}, even. */
    int[] pixels(int frameWidth, int frameHeight) {
        return new int[] {down(x * frameWidth), down(y * frameHeight), up((x + width) * frameWidth, frameWidth),
                up((y + height) * frameHeight, frameHeight)};
    }

    private static int down(double value) {
        return Math.max(0, (int) Math.floor(value + 1e-9)) & ~1;
    }

    private static int up(double value, int max) {
        int v = (int) Math.ceil(value - 1e-9);
        return Math.min(max, v + (v & 1));
    }
}
