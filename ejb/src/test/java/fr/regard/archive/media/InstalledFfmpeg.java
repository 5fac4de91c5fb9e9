package fr.regard.archive.media;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The FFmpeg programs of this machine, for the tests that run only where they are installed (Debian {@code ffmpeg},
 * as {@code .ci/run} installs it): {@code -Dregard.archive.ffmpeg=/path/to/ffmpeg} or else {@code ffmpeg} on the PATH.
 */
final class InstalledFfmpeg {

    private InstalledFfmpeg() {
    }

    static Optional<Path> ffmpeg() {
        String configured = System.getProperty("regard.archive.ffmpeg", "");
        if (!configured.isBlank()) {
            return Optional.of(Path.of(configured));
        }
        return Stream.of(System.getenv().getOrDefault("PATH", "").split(File.pathSeparator))
                .filter(dir -> !dir.isBlank())
                .map(dir -> Path.of(dir, "ffmpeg"))
                .filter(Files::isExecutable)
                .findFirst();
    }

    static Path ffprobe() {
        return ffmpeg().orElseThrow().resolveSibling("ffprobe");
    }

    /** Runs ffprobe with these arguments and returns what it printed; fails on a non-zero exit. */
    static String probe(String... arguments) throws IOException, InterruptedException {
        List<String> command = new java.util.ArrayList<>(List.of(ffprobe().toString(), "-v", "error"));
        command.addAll(List.of(arguments));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
            throw new IOException("ffprobe failed: " + output);
        }
        return output;
    }
}
