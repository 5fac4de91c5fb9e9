package fr.regard.it;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/** Contents of segment files planted by the integration tests and benchmarks: a valid MP4 {@code ftyp} box, then a marker that makes each file's hash unique. */
final class SegmentFiles {

    private static final byte[] FTYP = {0, 0, 0, 20, 'f', 't', 'y', 'p', 'i', 's', 'o', 'm', 0, 0, 2, 0, 'm', 'p', '4', '1'};

    private SegmentFiles() {
    }

    static byte[] mp4(String marker) {
        byte[] tail = marker.getBytes(StandardCharsets.UTF_8);
        byte[] all = new byte[FTYP.length + tail.length];
        System.arraycopy(FTYP, 0, all, 0, FTYP.length);
        System.arraycopy(tail, 0, all, FTYP.length, tail.length);
        return all;
    }

    /** Removes a planted camera folder and everything in it (a previous run's files). */
    static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
