package fr.regard.archive.domain;

import java.nio.charset.StandardCharsets;

/** Contents of test segment files: a valid MP4 {@code ftyp} box, then a marker that makes each file's hash unique. */
public final class SegmentFiles {

    private static final byte[] FTYP = {0, 0, 0, 20, 'f', 't', 'y', 'p', 'i', 's', 'o', 'm', 0, 0, 2, 0, 'm', 'p', '4', '1'};

    private SegmentFiles() {
    }

    public static byte[] mp4(String marker) {
        byte[] tail = marker.getBytes(StandardCharsets.UTF_8);
        byte[] all = new byte[FTYP.length + tail.length];
        System.arraycopy(FTYP, 0, all, 0, FTYP.length);
        System.arraycopy(tail, 0, all, FTYP.length, tail.length);
        return all;
    }
}
