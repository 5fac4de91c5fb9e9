package fr.regard.archive.domain;

import java.util.regex.Pattern;

/**
 * The camera ids the archive accepts. They become folder names (filesystem archive) or request parameters (VMS
 * connector), so only letters, digits, {@code -} and {@code _} are allowed, starting with a letter or digit, at
 * most 32 characters: no separator, no dot, hence no path traversal.
 */
public final class CameraIds {

    private static final Pattern SAFE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_-]{0,31}");

    private CameraIds() {
    }

    public static boolean isSafe(String cameraId) {
        return cameraId != null && SAFE.matcher(cameraId).matches();
    }

    /** Returns the id when safe; refuses it otherwise, naming it (quoted, truncated). */
    public static String check(String cameraId) {
        if (!isSafe(cameraId)) {
            String shown = cameraId == null ? "null"
                    : "'" + (cameraId.length() > 40 ? cameraId.substring(0, 40) + "…" : cameraId) + "'";
            throw new IllegalArgumentException("Invalid camera id " + shown
                    + ": letters, digits, '-' and '_' only, at most 32 characters");
        }
        return cameraId;
    }
}
