package fr.regard.archive.domain;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A private space (window, door, courtyard) blurred at source in a camera's picture: a rectangle in normalised
 * coordinates (0 = left/top edge, 1 = right/bottom edge), so it stays right whatever the stream's resolution.
 * Stored on the camera as a JSON array of {@code [x, y, width, height]} arrays.
 */
public record PrivacyMask(double x, double y, double width, double height) {

    private static final String NUMBER = "(-?\\d+(?:\\.\\d+)?(?:[eE][+-]?\\d+)?)";
    private static final String ONE = "\\[\\s*" + NUMBER + "\\s*,\\s*" + NUMBER + "\\s*,\\s*" + NUMBER + "\\s*,\\s*"
            + NUMBER + "\\s*]";
    private static final Pattern ARRAY = Pattern.compile(ONE);
    private static final Pattern LIST = Pattern.compile(
            "\\s*\\[\\s*(?:" + ONE + "(?:\\s*,\\s*" + ONE + ")*)?\\s*]\\s*");

    public PrivacyMask {
        if (!(x >= 0 && y >= 0 && width > 0 && height > 0 && x + width <= 1 + 1e-9 && y + height <= 1 + 1e-9)) {
            throw new IllegalArgumentException("A privacy mask is a rectangle inside the picture, in coordinates from "
                    + "0 to 1: " + x + ", " + y + ", " + width + " × " + height);
        }
    }

    /** {@code [[x,y,w,h],…]}, the stored form. */
    public static String toJson(List<PrivacyMask> masks) {
        StringBuilder json = new StringBuilder("[");
        for (PrivacyMask m : masks) {
            json.append(json.length() > 1 ? "," : "")
                    .append(String.format(Locale.ROOT, "[%s,%s,%s,%s]", num(m.x), num(m.y), num(m.width), num(m.height)));
        }
        return json.append(']').toString();
    }

    /** Reads the stored form back, strictly: anything else than an array of 4-number arrays is refused. */
    public static List<PrivacyMask> fromJson(String json) {
        if (json == null || !LIST.matcher(json).matches()) {
            throw new IllegalArgumentException("Privacy masks must be a JSON array of [x,y,width,height] arrays: " + json);
        }
        List<PrivacyMask> masks = new ArrayList<>();
        Matcher m = ARRAY.matcher(json);
        while (m.find()) {
            masks.add(new PrivacyMask(number(m.group(1), json), number(m.group(2), json), number(m.group(3), json),
                    number(m.group(4), json)));
        }
        return List.copyOf(masks);
    }

    private static double number(String text, String json) {
        try {
            return Double.parseDouble(text);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("Privacy masks must hold numbers: " + json, e);
        }
    }

    private static String num(double value) {
        return value == Math.rint(value) ? String.valueOf((long) value) : Double.toString(value);
    }
}
