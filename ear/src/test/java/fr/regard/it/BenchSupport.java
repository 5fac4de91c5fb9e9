package fr.regard.it;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** What the archive benchmarks share: the demo cameras, shell commands, timing, the machine's load. */
final class BenchSupport {

    private BenchSupport() {
    }

    static List<String> demoCameras() throws Exception {
        return Files.readAllLines(Path.of("../ejb/src/main/resources/demo/cameras.csv")).stream().skip(1)
                .map(l -> l.substring(0, l.indexOf(';'))).toList();
    }

    static String shell(String command) throws Exception {
        Process p = new ProcessBuilder("sh", "-c", command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (p.waitFor() != 0) {
            throw new IllegalStateException(command + " failed: " + out);
        }
        return out;
    }

    static double seconds(long t0) {
        return (System.nanoTime() - t0) / 1e9;
    }

    static String loadAverage() throws Exception {
        return Files.readString(Path.of("/proc/loadavg")).strip();
    }
}
