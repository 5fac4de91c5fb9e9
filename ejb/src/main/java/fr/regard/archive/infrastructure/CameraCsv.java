package fr.regard.archive.infrastructure;

import fr.regard.archive.domain.Camera;
import fr.regard.archive.domain.PrivacyMask;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads the camera file of the embedded default: UTF-8, one header line then one camera per line, exactly
 * {@value #COLUMNS} fields separated by {@code ;}, no quoting (a {@code "} or a missing/extra field is refused):
 *
 * <pre>
 * id;name;address;zone;latitude;longitude;authorisation_reference;authorisation_expiry;retention_days;privacy_masks
 * LIL-001;Grand Place - Vieille Bourse;Place du Général de Gaulle, 59000 Lille;Centre;50.63700;3.06350;…;2028-06-30;14;0.00 0.00 0.20 0.35|0.80 0.00 0.20 0.35
 * </pre>
 *
 * Coordinates in decimal degrees (WGS 84), expiry ISO date, masks as {@code x y width height} rectangles separated by
 * {@code |} (empty: none). The file is all or nothing: the first bad line stops the reading with its line number
 * (the header is line 1), and so does a duplicate id. A fixed format this small needs no CSV library (none resolves
 * offline in this build): a strict reader refuses more than a lenient library would accept.
 */
public final class CameraCsv {

    public static final int COLUMNS = 10;
    public static final String HEADER = "id;name;address;zone;latitude;longitude;authorisation_reference;"
            + "authorisation_expiry;retention_days;privacy_masks";

    private static final Pattern DECIMAL = Pattern.compile("-?\\d{1,3}\\.\\d{1,8}");
    private static final Pattern INTEGER = Pattern.compile("\\d{1,3}");

    private CameraCsv() {
    }

    /** A line of the file that cannot be a camera; nothing of the file is used then. */
    public static final class InvalidLineException extends IllegalArgumentException {

        private static final long serialVersionUID = 1L;

        private final int line;

        InvalidLineException(int line, String message) {
            super("Camera file refused, line " + line + ": " + message);
            this.line = line;
        }

        public int line() {
            return line;
        }
    }

    public static List<Camera> read(Reader source) throws IOException {
        BufferedReader reader = new BufferedReader(source);
        String header = reader.readLine();
        if (header != null && header.startsWith("\uFEFF")) {
            header = header.substring(1);
        }
        if (!HEADER.equals(header)) {
            throw new InvalidLineException(1, "the header must be exactly '" + HEADER + "'");
        }
        List<Camera> cameras = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        int number = 1;
        for (String line = reader.readLine(); line != null; line = reader.readLine()) {
            number++;
            Camera camera = camera(number, line);
            if (!ids.add(camera.id())) {
                throw new InvalidLineException(number, "camera " + camera.id() + " is already listed above");
            }
            cameras.add(camera);
        }
        return List.copyOf(cameras);
    }

    private static Camera camera(int number, String line) {
        if (line.contains("\"")) {
            throw new InvalidLineException(number, "quotes are not part of this format");
        }
        String[] f = line.split(";", -1);
        if (f.length != COLUMNS) {
            throw new InvalidLineException(number, COLUMNS + " fields expected, " + f.length + " found");
        }
        try {
            return new Camera(f[0], f[1], f[2], f[3], decimal(f[4], "latitude"), decimal(f[5], "longitude"), f[6],
                    LocalDate.parse(f[7]), integer(f[8]), masks(f[9]));
        } catch (DateTimeParseException e) {
            throw new InvalidLineException(number, "authorisation_expiry must be a date yyyy-MM-dd: '" + f[7] + "'");
        } catch (IllegalArgumentException e) {
            throw new InvalidLineException(number, e.getMessage());
        }
    }

    private static double decimal(String text, String field) {
        if (!DECIMAL.matcher(text).matches()) {
            throw new IllegalArgumentException(field + " must be decimal degrees such as 50.63700: '" + text + "'");
        }
        return Double.parseDouble(text);
    }

    private static int integer(String text) {
        if (!INTEGER.matcher(text).matches()) {
            throw new IllegalArgumentException("retention_days must be a whole number of days: '" + text + "'");
        }
        return Integer.parseInt(text);
    }

    private static List<PrivacyMask> masks(String text) {
        if (text.isEmpty()) {
            return List.of();
        }
        List<PrivacyMask> masks = new ArrayList<>();
        for (String rectangle : text.split("\\|", -1)) {
            String[] n = rectangle.split(" ", -1);
            if (n.length != 4) {
                throw new IllegalArgumentException("privacy_masks: 'x y width height' rectangles separated by '|': '"
                        + text + "'");
            }
            masks.add(new PrivacyMask(decimal(n[0], "mask x"), decimal(n[1], "mask y"), decimal(n[2], "mask width"),
                    decimal(n[3], "mask height")));
        }
        return masks;
    }
}
