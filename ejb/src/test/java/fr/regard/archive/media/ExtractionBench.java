package fr.regard.archive.media;

import static org.assertj.core.api.Assertions.assertThat;

import fr.regard.archive.domain.PrivacyMask;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Benchmark (profile {@code bench}, figures in docs/performance.md "Archive: extraction"):
 * <ol>
 * <li>synthetic footage: time to record one 60-second segment (320×180, 2 fps), median of the N recorded;</li>
 * <li>extraction copy + hash: assembling N one-minute segments without masks (stream copy path) and hashing the
 *     extract, in MB of input per second, against {@code sha256sum} of the same N files in the same run;</li>
 * <li>masking: the same window with a privacy mask and a third party (decode, mask, encode), in frames per second;</li>
 * </ol>
 * for the pure-Java engine and, where installed, the FFmpeg engine; then, where FFmpeg is installed, the same on
 * camera-like footage: one minute of 1280×720, 25 fps, 4 Mbit/s H.264 (no B-frames, so that both engines can copy it),
 * made once by FFmpeg into {@code target/bench-cache} and used as {@value #LARGE_SEGMENTS} consecutive segments.
 * Median of {@value #ROUNDS} rounds after a warm-up.
 *
 * <pre>./mvnw -o -pl ejb -am -Pbench test -Dtest=ExtractionBench -Dsurefire.failIfNoSpecifiedTests=false</pre>
 */
class ExtractionBench {

    static final int SEGMENTS = Integer.getInteger("bench.segments", 20);
    static final int ROUNDS = 3;
    static final int LARGE_SEGMENTS = 8;
    static final Instant T0 = Instant.parse("2026-11-20T13:00:00Z");

    @TempDir
    Path temp;

    @Test
    void extraction() throws Exception {
        SyntheticFootage footage = new SyntheticFootage();
        Path archive = Files.createDirectories(temp.resolve("archive"));
        List<SegmentFile> segments = new ArrayList<>();
        long[] recordNanos = new long[SEGMENTS];
        long bytes = 0;
        for (int i = 0; i < SEGMENTS; i++) {
            Instant start = T0.plusSeconds(60L * i);
            long t0 = System.nanoTime();
            Path file = footage.record(archive, "LIL-004", "Rue Neuve", start, 60);
            recordNanos[i] = System.nanoTime() - t0;
            bytes += Files.size(file);
            segments.add(new SegmentFile(file, start, start.plusSeconds(60)));
        }
        double mb = bytes / 1e6;
        System.out.printf(Locale.ROOT, "%nsynthetic footage: %d one-minute segments, %.2f MB; record one: median %.0f ms "
                + "(min %.0f, max %.0f; the first includes JIT warm-up)%n", SEGMENTS, mb, median(recordNanos) / 1e6,
                Arrays.stream(recordNanos).min().orElseThrow() / 1e6, Arrays.stream(recordNanos).max().orElseThrow() / 1e6);

        List<FootageProcessor> engines = new ArrayList<>(List.of(new JcodecFootageProcessor()));
        InstalledFfmpeg.ffmpeg().ifPresent(ffmpeg -> engines.add(new FfmpegFootageProcessor(ffmpeg)));
        for (FootageProcessor engine : engines) {
            measure(engine, segments, mb, 120, "320×180");
        }
        if (InstalledFfmpeg.ffmpeg().isPresent()) {
            Path camera = cameraLikeMinute();
            List<SegmentFile> large = new ArrayList<>();
            for (int i = 0; i < LARGE_SEGMENTS; i++) {
                Instant start = T0.plusSeconds(60L * i);
                Path copy = Files.copy(camera, temp.resolve("large-" + i + ".mp4"));
                large.add(new SegmentFile(copy, start, start.plusSeconds(60)));
            }
            double largeMb = LARGE_SEGMENTS * Files.size(camera) / 1e6;
            System.out.printf(Locale.ROOT, "%ncamera-like footage: %d one-minute segments of 1280×720, 25 fps, %.1f MB%n",
                    LARGE_SEGMENTS, largeMb);
            for (FootageProcessor engine : engines) {
                measure(engine, large, largeMb, 1500, engine instanceof FfmpegFootageProcessor ? "1280×720" : null);
            }
        }
    }

    /** Copy + hash against sha256sum, then masking (when {@code maskSize} is given), on one data set. */
    void measure(FootageProcessor engine, List<SegmentFile> segments, double mb, int framesPerSegment, String maskSize)
            throws Exception {
        Instant from = segments.get(0).start();
        Instant to = segments.get(segments.size() - 1).end();
        long frames = (long) segments.size() * framesPerSegment;
        sha256sum(segments); // warm-up of the page cache and the program
        extract(engine, segments, from, to, List.of(), List.of(), frames); // warm-up
        long[] copy = new long[ROUNDS];
        long[] baseline = new long[ROUNDS];
        for (int r = 0; r < ROUNDS; r++) {
            baseline[r] = sha256sum(segments);
            copy[r] = extract(engine, segments, from, to, List.of(), List.of(), frames);
        }
        System.out.printf(Locale.ROOT, "%s%n  copy + hash: %.1f MB/s (median %.0f ms)   sha256sum: %.1f MB/s (median "
                + "%.0f ms)   ratio %.2f%n", engine.engine(), mb / (median(copy) / 1e9), median(copy) / 1e6,
                mb / (median(baseline) / 1e9), median(baseline) / 1e6, (double) median(baseline) / median(copy));
        if (maskSize == null) {
            return;
        }
        if (segments.size() > 2 && framesPerSegment > 120) { // camera-like footage: two minutes are enough to measure
            segments = segments.subList(0, 2);
            to = segments.get(1).end();
            frames = 2L * framesPerSegment;
        }
        List<TimedMask> thirdParty = List.of(new TimedMask(new MaskArea(0.0, 0.55, 0.5, 0.35), from, to));
        List<PrivacyMask> privacy = List.of(new PrivacyMask(0.70, 0.05, 0.10, 0.40));
        long[] mask = new long[ROUNDS];
        for (int r = 0; r < ROUNDS; r++) {
            mask[r] = extract(engine, segments, from, to, thirdParty, privacy, frames);
        }
        System.out.printf(Locale.ROOT, "  masking (decode, 2 masks, encode): %.0f frames/s (median %.0f ms for %d "
                + "frames of %s)%n", frames / (median(mask) / 1e9), median(mask) / 1e6, frames, maskSize);
    }

    /** One minute of 1280×720 25 fps H.264 at 4 Mbit/s, without B-frames, made once by FFmpeg and kept. */
    static Path cameraLikeMinute() throws IOException, InterruptedException {
        Path file = Path.of("target", "bench-cache", "camera-720p25-60s.mp4").toAbsolutePath();
        if (Files.isRegularFile(file)) {
            return file;
        }
        Files.createDirectories(file.getParent());
        Path partial = file.resolveSibling("camera.part.mp4");
        Process process = new ProcessBuilder(InstalledFfmpeg.ffmpeg().orElseThrow().toString(), "-nostdin", "-v", "error",
                "-y", "-f", "lavfi", "-i", "testsrc2=size=1280x720:rate=25,noise=alls=12:allf=t", "-t", "60",
                "-c:v", "libx264", "-preset", "veryfast", "-bf", "0", "-g", "50", "-b:v", "4M", "-maxrate", "4M",
                "-bufsize", "8M", "-pix_fmt", "yuv420p", partial.toString()).inheritIO().start();
        assertThat(process.waitFor(10, TimeUnit.MINUTES)).isTrue();
        assertThat(process.exitValue()).isZero();
        return Files.move(partial, file);
    }

    long extract(FootageProcessor engine, List<SegmentFile> segments, Instant from, Instant to, List<TimedMask> masks,
            List<PrivacyMask> privacy, long frames) throws IOException {
        Path output = temp.resolve("extract.mp4");
        Files.deleteIfExists(output);
        long t0 = System.nanoTime();
        ExtractionResult result = engine.extract(new ExtractionRequest("LIL-004", segments, from, to, masks, privacy,
                output), ExtractionProgress.NONE, () -> false);
        long elapsed = System.nanoTime() - t0;
        assertThat(result.frames()).isEqualTo(frames);
        assertThat(result.method()).isEqualTo(masks.isEmpty() && privacy.isEmpty()
                ? ExtractionResult.Method.COPY : ExtractionResult.Method.REENCODE);
        return elapsed;
    }

    static long sha256sum(List<SegmentFile> segments) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("sha256sum"));
        segments.forEach(s -> command.add(s.file().toString()));
        long t0 = System.nanoTime();
        Process process = new ProcessBuilder(command).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        assertThat(process.waitFor(5, TimeUnit.MINUTES)).isTrue();
        assertThat(process.exitValue()).isZero();
        return System.nanoTime() - t0;
    }

    static long median(long[] values) {
        long[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }
}
