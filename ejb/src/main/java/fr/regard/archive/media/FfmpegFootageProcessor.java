package fr.regard.archive.media;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;

/**
 * The extraction engine for production footage: a configured FFmpeg program ({@code regard.archive.ffmpeg}), which
 * reads what cameras record (H.264 high profile, H.265) and encodes with x264. Each segment is probed first with the
 * {@code ffprobe} beside it (a segment it cannot read fails here, named, before anything is written); the same
 * {@link ExtractionPlan} as the pure-Java engine picks the frames; then one FFmpeg run joins the segments with the
 * concat demuxer and either copies the recorded H.264 frames ({@code -c copy}, nothing to mask, window starting on a
 * key frame) or trims at frame granularity and covers the masks through a generated filter graph
 * ({@code trim}, {@code drawbox … t=fill} enabled on the masked frame numbers), then encodes H.264 for browsers.
 *
 * <p>The programs run with an argument list (never a shell), no standard input, a time limit, their diagnostics in a
 * file quoted in the error; cancellation and the time limit kill the process and remove what it wrote.
 */
public final class FfmpegFootageProcessor implements FootageProcessor {

    /** The shortest time limit; longer windows get four times their length. */
    static final Duration MIN_TIMEOUT = Duration.ofMinutes(10);
    static final Duration PROBE_TIMEOUT = Duration.ofMinutes(1);
    /** Segments probed at once: a probe is mostly process start and file reading, so a few overlap well. */
    static final int PARALLEL_PROBES = 4;

    private final Path ffmpeg;
    private final Path ffprobe;
    private volatile String engine;

    /** @param ffmpeg the {@code ffmpeg} program; {@code ffprobe} must be in the same folder */
    public FfmpegFootageProcessor(Path ffmpeg) {
        this.ffmpeg = Objects.requireNonNull(ffmpeg, "ffmpeg").toAbsolutePath();
        this.ffprobe = this.ffmpeg.resolveSibling("ffprobe");
        for (Path program : List.of(this.ffmpeg, ffprobe)) {
            if (!Files.isRegularFile(program) || !Files.isExecutable(program)) {
                throw new IllegalArgumentException("regard.archive.ffmpeg: " + program + " is not an executable program "
                        + "(ffmpeg, with ffprobe beside it, e.g. /usr/bin/ffmpeg from Debian's ffmpeg package)");
            }
        }
    }

    @Override
    public String engine() {
        if (engine == null) {
            try {
                String version = run(List.of(ffmpeg.toString(), "-hide_banner", "-version"), PROBE_TIMEOUT, "ffmpeg");
                engine = version.lines().findFirst().orElse("ffmpeg").strip();
            } catch (IOException e) {
                return "ffmpeg (" + ffmpeg + ")";
            }
        }
        return engine;
    }

    @Override
    public ExtractionResult extract(ExtractionRequest request, ExtractionProgress progress, BooleanSupplier cancelled) {
        Objects.requireNonNull(progress, "progress");
        Objects.requireNonNull(cancelled, "cancelled");
        List<ExtractionPlan.SegmentTimings> timings = new ArrayList<>();
        boolean allH264 = true;
        for (Probe probe : probeAll(request.segments())) {
            allH264 &= "h264".equals(probe.codec());
            timings.add(probe.timings());
        }
        ExtractionPlan plan = ExtractionPlan.of(request, timings);
        boolean copy = plan.copyable() && allH264;
        Path temporary = PublishedFile.temporaryFor(request.output());
        Path work = null;
        try {
            work = Files.createTempDirectory(request.output().getParent(), ".extract-");
            List<String> command = command(plan, timings, copy, work, temporary);
            Duration window = Duration.between(request.from(), request.to());
            Duration timeout = window.multipliedBy(4).compareTo(MIN_TIMEOUT) > 0 ? window.multipliedBy(4) : MIN_TIMEOUT;
            transcode(command, work, timeout, plan.frames(), progress, cancelled, request.output());
            PublishedFile published = PublishedFile.publish(temporary, request.output());
            return plan.result(published, copy ? ExtractionResult.Method.COPY : ExtractionResult.Method.REENCODE, engine());
        } catch (IOException e) {
            throw new ExtractionException("L'extrait " + request.output() + " n'a pas pu être produit : " + e.getMessage(), e);
        } finally {
            PublishedFile.deleteQuietly(temporary);
            deleteTree(work);
        }
    }

    private List<String> command(ExtractionPlan plan, List<ExtractionPlan.SegmentTimings> timings, boolean copy,
            Path work, Path temporary) throws IOException {
        StringBuilder list = new StringBuilder("ffconcat version 1.0\n");
        for (ExtractionPlan.Part part : plan.parts) {
            list.append("file '").append(part.segment().file().toAbsolutePath().toString().replace("'", "'\\''"))
                    .append("'\n");
            if (copy && part == plan.parts.get(0) && part.first() > 0) {
                double inpoint = timings.stream().filter(t -> t.segment() == part.segment()).findFirst().orElseThrow()
                        .frames().get(part.first()).pts();
                list.append(String.format(Locale.ROOT, "inpoint %.6f%n", inpoint));
            }
        }
        Path listFile = Files.writeString(work.resolve("segments.ffconcat"), list, StandardCharsets.UTF_8);
        List<String> command = new ArrayList<>(List.of(ffmpeg.toString(), "-nostdin", "-hide_banner", "-v", "error",
                "-f", "concat", "-safe", "0", "-i", listFile.toString()));
        if (copy) {
            command.addAll(List.of("-map", "0:v:0", "-c:v", "copy", "-frames:v", String.valueOf(plan.frames())));
        } else {
            command.addAll(List.of("-filter_complex", filterGraph(plan), "-map", "[extract]",
                    "-c:v", "libx264", "-preset", "veryfast", "-crf", "18", "-pix_fmt", "yuv420p"));
        }
        command.addAll(List.of("-an", "-sn", "-dn", "-fps_mode", "passthrough", "-video_track_timescale", "90000",
                "-movflags", "+faststart", "-progress", work.resolve("progress.txt").toString(), "-stats_period", "0.5",
                "-n", "-f", "mp4", temporary.toString()));
        return command;
    }

    /**
     * {@code [0:v]trim=start_frame=A:end_frame=B,setpts=PTS-STARTPTS,format=yuv420p,drawbox=…:t=fill:enable='between(n,a,b)',…[extract]}:
     * frame numbers, not times, so that trimming and masking fall on exactly the planned frames.
     */
    static String filterGraph(ExtractionPlan plan) {
        int first = plan.parts.get(0).first();
        StringBuilder graph = new StringBuilder(String.format(Locale.ROOT,
                "[0:v]trim=start_frame=%d:end_frame=%d,setpts=PTS-STARTPTS,format=yuv420p", first, first + plan.frames()));
        for (int m = 0; m < plan.masks.size(); m++) {
            int[] frames = plan.maskFrames.get(m);
            if (frames == null) {
                continue;
            }
            int[] box = plan.masks.get(m).area().pixels(plan.width, plan.height);
            graph.append(String.format(Locale.ROOT, ",drawbox=x=%d:y=%d:w=%d:h=%d:color=0x808080@1:t=fill",
                    box[0], box[1], box[2] - box[0], box[3] - box[1]));
            if (frames[0] > 0 || frames[1] < plan.frames() - 1) {
                graph.append(String.format(Locale.ROOT, ":enable='between(n,%d,%d)'", frames[0], frames[1]));
            }
        }
        return graph.append("[extract]").toString();
    }

    private void transcode(List<String> command, Path work, Duration timeout, long total, ExtractionProgress progress,
            BooleanSupplier cancelled, Path output) throws IOException {
        Path log = work.resolve("ffmpeg.log");
        Path progressFile = work.resolve("progress.txt");
        Process process = new ProcessBuilder(command).directory(work.toFile())
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectError(log.toFile()).start();
        process.getOutputStream().close();
        long deadline = System.nanoTime() + timeout.toNanos();
        long[] read = {0, 0}; // bytes of the progress file read, last frame count reported
        try {
            while (!process.waitFor(200, TimeUnit.MILLISECONDS)) {
                if (cancelled.getAsBoolean()) {
                    throw new ExtractionCancelledException(output.toString());
                }
                if (System.nanoTime() > deadline) {
                    throw new ExtractionException("FFmpeg n'a pas terminé l'extrait " + output + " en " + timeout.toMinutes()
                            + " min ; il a été arrêté. Aucun extrait n'a été produit.");
                }
                reportProgress(progressFile, read, total, progress);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ExtractionCancelledException(output.toString());
        } finally {
            if (process.isAlive()) {
                process.destroyForcibly();
                try {
                    process.waitFor(10, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        }
        if (cancelled.getAsBoolean()) {
            throw new ExtractionCancelledException(output.toString()); // asked while FFmpeg was finishing
        }
        if (process.exitValue() != 0) {
            throw new ExtractionException("FFmpeg a échoué sur l'extrait " + output + " (code " + process.exitValue()
                    + ") : " + tail(log) + " Aucun extrait n'a été produit.");
        }
        progress.frames(total, total);
    }

    private static void reportProgress(Path file, long[] read, long total, ExtractionProgress progress) throws IOException {
        if (!Files.exists(file)) {
            return;
        }
        try (RandomAccessFile in = new RandomAccessFile(file.toFile(), "r")) {
            if (in.length() <= read[0]) {
                return;
            }
            in.seek(read[0]);
            byte[] bytes = new byte[(int) (in.length() - read[0])];
            in.readFully(bytes);
            String text = new String(bytes, StandardCharsets.US_ASCII);
            int complete = text.lastIndexOf('\n') + 1; // keep a half-written line for the next read
            read[0] += complete;
            for (String line : text.substring(0, complete).split("\n")) {
                if (line.startsWith("frame=")) {
                    long frames = Math.min(total, Long.parseLong(line.substring(6).strip()));
                    if (frames > read[1] && frames < total) {
                        read[1] = frames;
                        progress.frames(frames, total);
                    }
                }
            }
        } catch (NumberFormatException e) {
            // a line FFmpeg had not finished: read again next time
        }
    }

    record Probe(String codec, ExtractionPlan.SegmentTimings timings) {
    }

    /**
     * Codec, picture size and every frame's timing of each segment, by ffprobe (packets only: nothing is decoded),
     * {@value #PARALLEL_PROBES} segments at a time; the first segment ffprobe cannot read fails the extraction, named.
     */
    List<Probe> probeAll(List<SegmentFile> segments) {
        List<Probe> probes = new ArrayList<>();
        Path dir = null;
        try {
            dir = Files.createTempDirectory("regard-ffprobe");
            for (int from = 0; from < segments.size(); from += PARALLEL_PROBES) {
                List<SegmentFile> batch = segments.subList(from, Math.min(segments.size(), from + PARALLEL_PROBES));
                List<Process> running = new ArrayList<>();
                try {
                    for (int i = 0; i < batch.size(); i++) {
                        Process process = new ProcessBuilder(ffprobe.toString(), "-v", "error", "-select_streams", "v:0",
                                "-show_entries", "stream=codec_name,width,height",
                                "-show_entries", "packet=pts_time,duration_time,flags", "-of", "default=noprint_wrappers=1",
                                batch.get(i).file().toAbsolutePath().toString())
                                .redirectOutput(dir.resolve(i + ".out").toFile())
                                .redirectError(dir.resolve(i + ".err").toFile()).start();
                        process.getOutputStream().close();
                        running.add(process);
                    }
                    for (int i = 0; i < batch.size(); i++) {
                        probes.add(parse(batch.get(i), awaitProbe(running.get(i), dir.resolve(i + ".out"),
                                dir.resolve(i + ".err"), batch.get(i))));
                    }
                } finally {
                    running.stream().filter(Process::isAlive).forEach(Process::destroyForcibly);
                }
            }
            return probes;
        } catch (IOException e) {
            throw new ExtractionException("FFmpeg (ffprobe) n'a pas pu être lancé : " + e.getMessage()
                    + ". Aucun extrait n'a été produit.", e);
        } finally {
            deleteTree(dir);
        }
    }

    private static String awaitProbe(Process process, Path out, Path err, SegmentFile segment) throws IOException {
        try {
            if (!process.waitFor(PROBE_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
                throw JcodecFootageProcessor.unreadable(segment, new IOException("ffprobe did not answer within "
                        + PROBE_TIMEOUT.toSeconds() + " s"));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ExtractionException("Extraction interrompue pendant la lecture de " + segment.name() + ".", e);
        }
        if (process.exitValue() != 0) {
            throw JcodecFootageProcessor.unreadable(segment, new IOException("ffprobe (code " + process.exitValue()
                    + "): " + tail(err)));
        }
        return Files.readString(out, StandardCharsets.UTF_8);
    }

    private static Probe parse(SegmentFile segment, String output) {
        String codec = null;
        int width = 0;
        int height = 0;
        List<double[]> packets = new ArrayList<>(); // pts, duration, key (1/0)
        for (String line : output.split("\\R")) {
            int eq = line.indexOf('=');
            String key = eq < 0 ? line : line.substring(0, eq);
            String value = eq < 0 ? "" : line.substring(eq + 1).strip();
            switch (key) {
                case "codec_name" -> codec = value;
                case "width" -> width = parseInt(value);
                case "height" -> height = parseInt(value);
                case "pts_time" -> packets.add(new double[] {parse(value), Double.NaN, 0});
                case "duration_time" -> last(packets)[1] = parse(value);
                case "flags" -> last(packets)[2] = value.startsWith("K") ? 1 : 0;
                default -> { }
            }
        }
        packets.removeIf(p -> Double.isNaN(p[0]));
        if (codec == null || width <= 0 || height <= 0 || packets.isEmpty()) {
            throw JcodecFootageProcessor.unreadable(segment, new IOException("no readable video stream"));
        }
        packets.sort(Comparator.comparingDouble(p -> p[0]));
        List<ExtractionPlan.FrameTiming> frames = new ArrayList<>();
        for (int i = 0; i < packets.size(); i++) {
            double duration = packets.get(i)[1];
            if (Double.isNaN(duration) || duration <= 0) {
                duration = i + 1 < packets.size() ? packets.get(i + 1)[0] - packets.get(i)[0]
                        : i > 0 ? frames.get(i - 1).duration() : 0.04;
            }
            frames.add(new ExtractionPlan.FrameTiming(packets.get(i)[0], duration, packets.get(i)[2] == 1));
        }
        return new Probe(codec, new ExtractionPlan.SegmentTimings(segment, width, height, frames));
    }

    private static double[] last(List<double[]> packets) {
        return packets.isEmpty() ? new double[3] : packets.get(packets.size() - 1);
    }

    private static double parse(String value) {
        try {
            return Double.parseDouble(value);
        } catch (NumberFormatException e) {
            return Double.NaN; // N/A
        }
    }

    private static int parseInt(String value) {
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    /** Runs a short command and returns its standard output; its error output becomes the exception's message. */
    private static String run(List<String> command, Duration timeout, String name) throws IOException {
        Path errors = Files.createTempFile("regard-" + name, ".log");
        try {
            Process process = new ProcessBuilder(command).redirectError(errors.toFile()).start();
            process.getOutputStream().close();
            byte[] out = process.getInputStream().readAllBytes();
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                throw new IOException(name + " did not answer within " + timeout.toSeconds() + " s");
            }
            if (process.exitValue() != 0) {
                throw new IOException(name + " (code " + process.exitValue() + "): " + tail(errors));
            }
            return new String(out, StandardCharsets.UTF_8);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(name + " interrupted", e);
        } finally {
            Files.deleteIfExists(errors);
        }
    }

    /** The last lines of a diagnostics file, at most about 1,000 characters, on one line. */
    private static String tail(Path log) {
        try {
            String text = Files.readString(log, StandardCharsets.UTF_8).strip();
            String last = text.length() > 1000 ? "…" + text.substring(text.length() - 1000) : text;
            return last.isEmpty() ? "(no message)" : last.lines().collect(Collectors.joining(" | "));
        } catch (IOException e) {
            return "(no message)";
        }
    }

    private static void deleteTree(Path dir) {
        if (dir == null) {
            return;
        }
        try (var files = Files.list(dir)) {
            files.forEach(PublishedFile::deleteQuietly);
        } catch (IOException e) {
            // nothing more to do: a hidden work folder is harmless
        }
        PublishedFile.deleteQuietly(dir);
    }
}
