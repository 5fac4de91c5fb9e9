package fr.regard.archive.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import fr.regard.archive.domain.SegmentListing;
import fr.regard.archive.domain.SegmentRef;
import fr.regard.archive.infrastructure.FilesystemRecordingArchive;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Synthetic footage: real H.264 MP4 segments in the archive layout, with the camera and the local time burned in. */
class SyntheticFootageTest {

    static final Instant START = Instant.parse("2026-11-20T13:30:00Z"); // 14:30 in Lille
    static final String CAMERA = "LIL-004";
    static final String NAME = "Rue Neuve";

    @TempDir
    static Path shared;

    static Path segment;
    static DecodedVideo video;

    final SyntheticFootage footage = new SyntheticFootage();

    @BeforeAll
    static void recordOneMinute() throws Exception {
        segment = new SyntheticFootage().record(shared.resolve("archive"), CAMERA, NAME, START, 60);
        video = DecodedVideo.of(segment);
    }

    @Test
    @DisplayName("A recorded minute lands in the archive layout, in UTC, and the filesystem archive lists it")
    void listedByTheArchive() throws Exception {
        Path root = shared.resolve("archive");
        assertThat(root.relativize(segment).toString()).isEqualTo("LIL-004/20261120/133000-60.mp4");
        SegmentListing listing = new FilesystemRecordingArchive(root, e -> { })
                .segments(List.of(CAMERA), START, START.plusSeconds(60));
        assertThat(listing.skipped()).isEmpty();
        assertThat(listing.segments()).containsExactly(new SegmentRef(CAMERA, START, START.plusSeconds(60),
                Files.size(segment), "LIL-004/20261120/133000-60.mp4"));
        try (Stream<Path> files = Files.list(segment.getParent())) {
            assertThat(files).containsExactly(segment); // no temporary file left behind
        }
    }

    @Test
    @DisplayName("The segment is a real H.264 MP4: every frame demuxes and decodes, 2 fps × 60 s at 320×180")
    void playableH264() {
        assertThat(video.width()).isEqualTo(320);
        assertThat(video.height()).isEqualTo(180);
        assertThat(video.frames()).isEqualTo(120);
        assertThat(video.totalSeconds()).isCloseTo(60.0, within(1e-9));
        for (int i = 0; i < video.frames(); i++) {
            assertThat(video.pts().get(i)).isCloseTo(i * 0.5, within(1e-9));
            assertThat(video.pictures().get(i).getWidth()).isEqualTo(320);
            assertThat(video.pictures().get(i).getHeight()).isEqualTo(180);
        }
        assertThat(video.keyFrames().get(0)).isTrue();
        assertThat(video.keyFrames().stream().filter(k -> k).count()).isEqualTo(6); // one every 10 s
    }

    @Test
    @DisplayName("FFmpeg (where installed) reads it as a browser-playable H.264 stream: 120 frames, 60 s, 320×180")
    void ffprobeAgrees() throws Exception {
        assumeTrue(InstalledFfmpeg.ffmpeg().isPresent(), "ffmpeg not installed");
        String streams = InstalledFfmpeg.probe("-count_frames", "-show_entries",
                "stream=codec_name,profile,width,height,pix_fmt,nb_read_frames:format=format_name,duration",
                "-of", "default=noprint_wrappers=1", segment.toString());
        assertThat(streams.lines()).contains("codec_name=h264", "profile=Baseline", "width=320", "height=180",
                "pix_fmt=yuv420p", "nb_read_frames=120", "duration=60.000000");
        assertThat(streams).contains("format_name=mov,mp4");
    }

    @Test
    @DisplayName("Decoded frames are the scene at their instant, within the codec's loss, and the scene moves")
    void framesShowTheScene() {
        for (int i : new int[] {0, 37, 119}) {
            int[] expected = DecodedVideo.luma(footage.picture(CAMERA, NAME, START.plusMillis(500L * i)), 320, 180,
                    0, 0, 320, 180);
            assertThat(DecodedVideo.meanAbsoluteDifference(video.luma(i), expected)).isLessThan(3.0);
        }
        // cars and pedestrians move: the street part of two frames 5 s apart differs clearly
        int[] street0 = video.luma(0, 0, 81, 320, 76);
        int[] street10 = video.luma(10, 0, 81, 320, 76);
        assertThat(DecodedVideo.meanAbsoluteDifference(street0, street10)).isGreaterThan(2.0);
    }

    @Test
    @DisplayName("The overlay shows the camera at the top and the date and time of Lille at the bottom, and it changes")
    void overlayShowsCameraAndLocalTime() {
        // bottom band: "20/11/2026 14:30:00" in 2× capitals (Europe/Paris), not UTC's 13:30:00
        int[] band = binary(video.luma(0, 0, 160, 320, 20));
        double right = mismatch(band, text("20/11/2026 14:30:00", 2, 160, 20));
        double utc = mismatch(band, text("20/11/2026 13:30:00", 2, 160, 20));
        assertThat(right).isLessThan(0.03);
        assertThat(utc - right).as("one digit of 28×4 pixels differs").isGreaterThan(0.008);
        // one second later the stamp differs, the camera line does not
        int[] later = binary(video.luma(2, 0, 160, 320, 20));
        assertThat(mismatch(band, later)).isGreaterThan(0.01);
        assertThat(mismatch(later, text("20/11/2026 14:30:01", 2, 160, 20))).isLessThan(0.03);
        int[] top = binary(video.luma(0, 0, 0, 320, 13));
        assertThat(mismatch(top, text("LIL-004 RUE NEUVE", 1, 0, 13))).isLessThan(0.03);
        assertThat(mismatch(top, binary(video.luma(2, 0, 0, 320, 13)))).isLessThan(0.01);
    }

    @Test
    @DisplayName("Another camera gets its own name in the overlay")
    void otherCameraOtherName() throws Exception {
        Path file = shared.resolve("hel.mp4");
        footage.write(file, "HEL-007", "Place Hentgès", START, 2);
        DecodedVideo other = DecodedVideo.of(file);
        assertThat(other.frames()).isEqualTo(4);
        assertThat(mismatch(binary(other.luma(0, 0, 0, 320, 13)), text("HEL-007 PLACE HENTGES", 1, 0, 13)))
                .isLessThan(0.03);
    }

    @Test
    @DisplayName("Bad arguments are refused before anything is written")
    void refusesBadArguments() {
        Path root = shared.resolve("refused");
        assertThatThrownBy(() -> footage.record(root, CAMERA, NAME, START, 0))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> footage.record(root, "../etc", NAME, START, 60))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> footage.record(root, CAMERA, NAME, START.plusMillis(500), 60))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new SyntheticFootage(321, 180, 2)).isInstanceOf(IllegalArgumentException.class);
        assertThat(root).doesNotExist();
    }

    /** 1 where the luma is bright (overlay text), 0 elsewhere. */
    static int[] binary(int[] luma) {
        int[] bits = new int[luma.length];
        for (int i = 0; i < luma.length; i++) {
            bits[i] = luma[i] > 110 ? 1 : 0;
        }
        return bits;
    }

    /** The expected bits of a band of the overlay holding {@code text} (drawn as the recorder does, at x = 4). */
    static int[] text(String text, int scale, int top, int rows) {
        int[] rgb = new int[320 * rows];
        OverlayFont.draw(rgb, 320, rows, text, 4, 3, scale, 0xFFFFFF);
        int[] bits = new int[rgb.length];
        for (int i = 0; i < rgb.length; i++) {
            bits[i] = rgb[i] != 0 ? 1 : 0;
        }
        return bits;
    }

    static double mismatch(int[] a, int[] b) {
        int differ = 0;
        for (int i = 0; i < a.length; i++) {
            differ += a[i] != b[i] ? 1 : 0;
        }
        return differ / (double) a.length;
    }
}
