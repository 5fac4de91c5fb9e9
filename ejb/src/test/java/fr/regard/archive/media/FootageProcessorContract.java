package fr.regard.archive.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import fr.regard.archive.domain.PrivacyMask;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What every extraction engine must do, on real synthetic footage of camera LIL-004: three 10-second segments
 * (13:30:00–13:30:30 UTC, 2 frames per second, a key frame at the start of each) and one more after a gap
 * (13:30:40–13:30:50). Frames are checked against the scene at their instant, decoded with jcodec.
 */
abstract class FootageProcessorContract {

    static final String CAMERA = "LIL-004";
    static final String NAME = "Rue Neuve";
    static final Instant T0 = Instant.parse("2026-11-20T13:30:00Z");
    static final SyntheticFootage FOOTAGE = new SyntheticFootage();
    /** A privacy mask (a first-floor window) and a third party's area, both over busy parts of the picture. */
    static final PrivacyMask PRIVACY = new PrivacyMask(0.70, 0.05, 0.10, 0.40);
    static final MaskArea PASSER_BY = new MaskArea(0.0, 0.55, 0.5, 0.35);

    @TempDir
    static Path archive;

    static List<SegmentFile> segments = new ArrayList<>();

    @TempDir
    Path out;

    FootageProcessor processor;

    protected abstract FootageProcessor processor();

    @BeforeAll
    static void recordFootage() {
        segments.clear();
        for (int start : new int[] {0, 10, 20, 40}) {
            Instant at = T0.plusSeconds(start);
            Path file = FOOTAGE.record(archive, CAMERA, NAME, at, 10);
            segments.add(new SegmentFile(file, at, at.plusSeconds(10), archive.relativize(file).toString()));
        }
    }

    @BeforeEach
    void engine() {
        processor = processor();
    }

    ExtractionRequest request(int fromSecond, int toSecond, List<TimedMask> thirdParties, List<PrivacyMask> privacy) {
        List<SegmentFile> overlapping = segments.stream()
                .filter(s -> s.start().isBefore(T0.plusSeconds(toSecond)) && s.end().isAfter(T0.plusSeconds(fromSecond)))
                .toList();
        return new ExtractionRequest(CAMERA, overlapping, T0.plusSeconds(fromSecond), T0.plusSeconds(toSecond),
                thirdParties, privacy, out.resolve("extrait.mp4"));
    }

    @Test
    @DisplayName("The window 13:30:07–13:30:23 across three segments: exactly its 32 frames, in order, as recorded")
    void assemblesTheWindowAcrossSegments() throws Exception {
        ExtractionResult result = processor.extract(request(7, 23, List.of(), List.of()), ExtractionProgress.NONE,
                () -> false);

        assertThat(result.frames()).isEqualTo(32);
        assertThat(result.firstFrame()).isEqualTo(T0.plusSeconds(7));
        assertThat(result.end()).isEqualTo(T0.plusSeconds(23));
        assertThat(result.duration()).isEqualTo(Duration.ofSeconds(16));
        assertThat(result.gaps()).isEmpty();
        assertThat(result.method()).isEqualTo(ExtractionResult.Method.REENCODE); // 13:30:07 is not a key frame
        DecodedVideo video = checkedOutput(result, 32);
        for (int i = 0; i < 32; i++) {
            assertThat(video.pts().get(i)).isCloseTo(i * 0.5, within(1e-3));
            assertFrameIsSceneAt(video, i, T0.plusMillis(7_000 + 500L * i));
        }
    }

    @Test
    @DisplayName("A window starting on a segment's start without masks is the recorded frames, copied unchanged")
    void copiesWhenNothingToMask() throws Exception {
        ExtractionResult result = processor.extract(request(10, 25, List.of(), List.of()), ExtractionProgress.NONE,
                () -> false);

        assertThat(result.method()).isEqualTo(ExtractionResult.Method.COPY);
        assertThat(result.frames()).isEqualTo(30);
        DecodedVideo video = checkedOutput(result, 30);
        DecodedVideo second = DecodedVideo.of(segments.get(1).file());
        DecodedVideo third = DecodedVideo.of(segments.get(2).file());
        for (int i = 0; i < 30; i++) {
            int[] recorded = i < 20 ? second.luma(i) : third.luma(i - 20);
            assertThat(video.luma(i)).as("frame %d", i).isEqualTo(recorded);
        }
    }

    @Test
    @DisplayName("Privacy masks cover every frame and a third party only while set; the masked pixels are a flat grey "
            + "that keeps nothing of the picture, the rest is unchanged within the codec's loss")
    void masksIrreversiblyOnlyWhereAndWhenSet() throws Exception {
        TimedMask passerBy = new TimedMask(PASSER_BY, T0.plusSeconds(12), T0.plusSeconds(15));
        ExtractionResult result = processor.extract(request(10, 20, List.of(passerBy), List.of(PRIVACY)),
                ExtractionProgress.NONE, () -> false);

        assertThat(result.method()).isEqualTo(ExtractionResult.Method.REENCODE);
        assertThat(result.masks()).extracting(AppliedMask::kind, AppliedMask::frames).containsExactly(
                org.assertj.core.groups.Tuple.tuple(AppliedMask.Kind.PRIVACY, 20L),
                org.assertj.core.groups.Tuple.tuple(AppliedMask.Kind.THIRD_PARTY, 6L));
        DecodedVideo video = checkedOutput(result, 20);
        DecodedVideo source = DecodedVideo.of(segments.get(1).file());
        int[] privacy = MaskArea.of(PRIVACY).pixels(320, 180);
        int[] passer = PASSER_BY.pixels(320, 180);
        for (int i = 0; i < 20; i++) {
            boolean masked = i >= 4 && i <= 9; // frames starting 13:30:12.0 … 13:30:14.5
            assertFlatGrey(video, i, privacy, source);
            if (masked) {
                assertFlatGrey(video, i, passer, source);
            } else {
                int[] shown = region(video, i, passer);
                int[] recorded = region(source, i, passer);
                assertThat(DecodedVideo.meanAbsoluteDifference(shown, recorded)).as("frame %d", i).isLessThan(4.0);
                assertThat(DecodedVideo.correlation(shown, recorded)).as("frame %d", i).isGreaterThan(0.9);
            }
            // outside every mask: the picture as recorded
            int[] top = video.luma(i, 0, 0, 220, 90);
            assertThat(DecodedVideo.meanAbsoluteDifference(top, source.luma(i, 0, 0, 220, 90))).isLessThan(4.0);
            int[] right = video.luma(i, 180, 100, 140, 60);
            assertThat(DecodedVideo.meanAbsoluteDifference(right, source.luma(i, 180, 100, 140, 60))).isLessThan(4.0);
        }
    }

    @Test
    @DisplayName("What was under a mask leaves no trace: two recordings that differ only there give the same extract there")
    void maskedContentLeavesNoTrace() throws Exception {
        int[] area = PASSER_BY.pixels(320, 180);
        Path a = recordWithNoiseUnder(area, 1, "a.mp4");
        Path b = recordWithNoiseUnder(area, 2, "b.mp4");
        DecodedVideo sourceA = DecodedVideo.of(a);
        DecodedVideo sourceB = DecodedVideo.of(b);
        TimedMask passerBy = new TimedMask(PASSER_BY, T0, T0.plusSeconds(10));
        DecodedVideo outA = extractMasked(a, passerBy, "extrait-a.mp4");
        DecodedVideo outB = extractMasked(b, passerBy, "extrait-b.mp4");

        int[] inside = {area[0] + 4, area[1] + 4, area[2] - 4, area[3] - 4};
        for (int i = 0; i < 20; i++) {
            assertThat(DecodedVideo.meanAbsoluteDifference(region(sourceA, i, inside), region(sourceB, i, inside)))
                    .as("the recordings differ under the mask").isGreaterThan(40);
            assertThat(DecodedVideo.meanAbsoluteDifference(region(outA, i, inside), region(outB, i, inside)))
                    .as("frame %d: the extracts do not", i).isLessThan(1.0);
            assertThat(DecodedVideo.variance(region(outA, i, inside))).isLessThan(3.0);
        }
    }

    DecodedVideo extractMasked(Path segment, TimedMask mask, String name) throws IOException {
        ExtractionRequest request = new ExtractionRequest(CAMERA, List.of(new SegmentFile(segment, T0,
                T0.plusSeconds(10))), T0, T0.plusSeconds(10), List.of(mask), List.of(), out.resolve(name));
        return DecodedVideo.of(processor.extract(request, ExtractionProgress.NONE, () -> false).output());
    }

    /** Ten seconds of the scene with random noise (seeded) drawn over {@code area}: a "face" only this file has. */
    Path recordWithNoiseUnder(int[] area, long seed, String name) throws IOException {
        Path file = Files.createDirectories(out.resolve("sources")).resolve(name);
        java.util.Random random = new java.util.Random(seed);
        try (H264Mp4Writer writer = new H264Mp4Writer(file, 320, 180, 2, 20)) {
            for (int i = 0; i < 20; i++) {
                int[] rgb = FOOTAGE.picture(CAMERA, NAME, T0.plusMillis(500L * i));
                for (int y = area[1]; y < area[3]; y++) {
                    for (int x = area[0]; x < area[2]; x++) {
                        rgb[y * 320 + x] = random.nextInt(0x1000000);
                    }
                }
                writer.encode(YuvFrames.fromRgb(rgb, 320, 180, null), i, 1);
            }
            writer.finish();
        }
        return file;
    }

    @Test
    @DisplayName("A window over missing footage lists the gap and joins the frames on both sides")
    void reportsGaps() throws Exception {
        ExtractionResult result = processor.extract(request(25, 45, List.of(), List.of()), ExtractionProgress.NONE,
                () -> false);

        assertThat(result.gaps()).containsExactly(new ExtractionResult.Gap(T0.plusSeconds(30), T0.plusSeconds(40)));
        assertThat(result.frames()).isEqualTo(20);
        assertThat(result.duration()).isEqualTo(Duration.ofSeconds(10));
        DecodedVideo video = checkedOutput(result, 20);
        assertFrameIsSceneAt(video, 9, T0.plusMillis(29_500));
        assertFrameIsSceneAt(video, 10, T0.plusSeconds(40));
    }

    @Test
    @DisplayName("Progress is reported up to the total number of frames")
    void reportsProgress() {
        List<long[]> calls = new ArrayList<>();
        ExtractionResult result = processor.extract(request(5, 15, List.of(), List.of(PRIVACY)),
                (done, total) -> calls.add(new long[] {done, total}), () -> false);

        assertThat(calls).isNotEmpty();
        assertThat(calls.get(calls.size() - 1)).containsExactly(20, 20);
        assertThat(calls).allSatisfy(call -> assertThat(call[1]).isEqualTo(20));
        for (int i = 1; i < calls.size(); i++) {
            assertThat(calls.get(i)[0]).isGreaterThanOrEqualTo(calls.get(i - 1)[0]);
        }
        assertThat(result.frames()).isEqualTo(20);
    }

    @Test
    @DisplayName("An extraction cancelled once it has started writing stops and leaves no file behind")
    void cancellationLeavesNothing() throws Exception {
        AtomicLong progressed = new AtomicLong();
        java.util.concurrent.atomic.AtomicBoolean sawPartialFiles = new java.util.concurrent.atomic.AtomicBoolean();
        ExtractionRequest request = request(0, 30, List.of(), List.of(PRIVACY));
        assertThatThrownBy(() -> processor.extract(request, (done, total) -> progressed.set(done), () -> {
            try (Stream<Path> files = Files.list(out)) {
                boolean started = files.findAny().isPresent(); // a temporary file or work folder is there
                sawPartialFiles.compareAndSet(false, started);
                return started;
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        })).isInstanceOf(ExtractionCancelledException.class).hasMessageContaining("annulée");
        assertThat(sawPartialFiles).isTrue();
        assertThat(progressed.get()).isLessThan(60);
        assertNothingWritten();
    }

    @Test
    @DisplayName("A corrupt segment is named in a clear error and nothing is written")
    void corruptSegmentIsNamed() throws Exception {
        Path corrupt = Files.createDirectories(out.resolve("corrupt")).resolve("133010-10.mp4");
        byte[] bytes = Files.readAllBytes(segments.get(1).file());
        Files.write(corrupt, java.util.Arrays.copyOf(bytes, bytes.length / 3)); // cut short, index lost
        List<SegmentFile> broken = List.of(segments.get(0),
                new SegmentFile(corrupt, T0.plusSeconds(10), T0.plusSeconds(20), "LIL-004/20261120/133010-10.mp4"),
                segments.get(2));
        ExtractionRequest request = new ExtractionRequest(CAMERA, broken, T0.plusSeconds(5), T0.plusSeconds(25),
                List.of(), List.of(), out.resolve("extrait.mp4"));

        assertThatThrownBy(() -> processor.extract(request, ExtractionProgress.NONE, () -> false))
                .isInstanceOf(ExtractionException.class)
                .hasMessageContaining("LIL-004/20261120/133010-10.mp4")
                .hasMessageContaining("illisible");
        Files.delete(corrupt);
        Files.delete(corrupt.getParent());
        assertNothingWritten();
    }

    @Test
    @DisplayName("An existing file is never replaced by an extract")
    void neverReplacesAFile() throws Exception {
        Files.writeString(out.resolve("extrait.mp4"), "pièce existante");
        assertThatThrownBy(() -> request(0, 10, List.of(), List.of())).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("never replaced");
        assertThat(Files.readString(out.resolve("extrait.mp4"))).isEqualTo("pièce existante");
    }

    /** The output is published with the reported size and hash, plays, and (where FFmpeg is installed) probes right. */
    DecodedVideo checkedOutput(ExtractionResult result, int frames) throws Exception {
        assertThat(result.output()).isEqualTo(out.resolve("extrait.mp4"));
        assertThat(Files.size(result.output())).isEqualTo(result.size());
        assertThat(result.sha256()).isEqualTo(java.util.HexFormat.of().formatHex(java.security.MessageDigest
                .getInstance("SHA-256").digest(Files.readAllBytes(result.output()))));
        try (Stream<Path> files = Files.list(out)) {
            assertThat(files).containsExactly(result.output()); // no temporary file left
        }
        if (InstalledFfmpeg.ffmpeg().isPresent()) {
            String probe = InstalledFfmpeg.probe("-count_frames", "-select_streams", "v", "-show_entries",
                    "stream=codec_name,width,height,pix_fmt,nb_read_frames", "-of", "default=noprint_wrappers=1",
                    result.output().toString());
            assertThat(probe.lines()).contains("codec_name=h264", "width=320", "height=180", "pix_fmt=yuv420p",
                    "nb_read_frames=" + frames);
        }
        DecodedVideo video = DecodedVideo.of(result.output());
        assertThat(video.frames()).isEqualTo(frames);
        assertThat(video.width()).isEqualTo(320);
        assertThat(video.height()).isEqualTo(180);
        assertThat(video.totalSeconds()).isCloseTo(result.duration().toMillis() / 1000.0, within(1e-3));
        return video;
    }

    void assertNothingWritten() throws IOException {
        try (Stream<Path> files = Files.list(out)) {
            assertThat(files).isEmpty();
        }
    }

    /** Frame {@code index} is the scene at {@code instant}: close to it, farther from the scene half a second away. */
    static void assertFrameIsSceneAt(DecodedVideo video, int index, Instant instant) {
        double here = DecodedVideo.meanAbsoluteDifference(video.luma(index), scene(instant));
        double before = DecodedVideo.meanAbsoluteDifference(video.luma(index), scene(instant.minusMillis(500)));
        double after = DecodedVideo.meanAbsoluteDifference(video.luma(index), scene(instant.plusMillis(500)));
        assertThat(here).as("frame %d against the scene at %s", index, instant).isLessThan(3.0);
        assertThat(Math.min(before, after)).as("frame %d against its neighbours", index).isGreaterThan(here + 0.5);
    }

    static int[] scene(Instant instant) {
        return DecodedVideo.luma(FOOTAGE.picture(CAMERA, NAME, instant), 320, 180, 0, 0, 320, 180);
    }

    static int[] region(DecodedVideo video, int index, int[] rectangle) {
        return video.luma(index, rectangle[0], rectangle[1], rectangle[2] - rectangle[0], rectangle[3] - rectangle[1]);
    }

    /**
     * The area is one flat mid grey in the output (within the codec's rounding), where the recording had a detailed
     * picture (whether what varies in it owes anything to the picture is {@link #maskedContentLeavesNoTrace}'s
     * question). Its outermost pixels take a little
     * of the unmasked neighbours (the codec's edge filtering), so the inside is checked 4 pixels from the edge.
     */
    static void assertFlatGrey(DecodedVideo video, int index, int[] rectangle, DecodedVideo source) {
        assertThat(DecodedVideo.variance(region(video, index, rectangle))).as("frame %d: masked area is flat", index)
                .isLessThan(5.0);
        int[] inside = {rectangle[0] + 4, rectangle[1] + 4, rectangle[2] - 4, rectangle[3] - 4};
        int[] shown = region(video, index, inside);
        int[] recorded = region(source, index, inside);
        assertThat(DecodedVideo.variance(recorded)).as("the recorded area is detailed").isGreaterThan(100);
        assertThat(DecodedVideo.variance(shown)).as("frame %d: inside of the masked area", index).isLessThan(3.0);
        assertThat(java.util.Arrays.stream(shown).min().orElseThrow()).as("frame %d: inside", index).isGreaterThan(120);
        assertThat(java.util.Arrays.stream(shown).max().orElseThrow()).as("frame %d: inside", index).isLessThan(132);
    }
}
