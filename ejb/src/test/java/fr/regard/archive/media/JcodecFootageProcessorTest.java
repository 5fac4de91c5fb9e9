package fr.regard.archive.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;
import java.util.List;
import org.jcodec.common.model.ColorSpace;
import org.jcodec.common.model.Picture;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The pure-Java engine passes the extraction contract, plus what is its own. */
class JcodecFootageProcessorTest extends FootageProcessorContract {

    @Override
    protected FootageProcessor processor() {
        return new JcodecFootageProcessor();
    }

    @Test
    @DisplayName("A mask replaces every sample of its (even-aligned) rectangle with one grey, and nothing else")
    void coverIsExact() {
        Picture picture = Picture.create(320, 180, ColorSpace.YUV420J);
        for (int plane = 0; plane < 3; plane++) {
            byte[] data = picture.getPlaneData(plane);
            for (int i = 0; i < data.length; i++) {
                data[i] = (byte) (i * 31 + plane);
            }
        }
        Picture before = Picture.copyPicture(picture);
        int[] box = new MaskArea(0.101, 0.205, 0.3, 0.3).pixels(320, 180);
        assertThat(box).containsExactly(32, 36, 130, 92);
        JcodecFootageProcessor.cover(picture, box);
        for (int y = 0; y < 180; y++) {
            for (int x = 0; x < 320; x++) {
                boolean inside = x >= 32 && x < 130 && y >= 36 && y < 92;
                int expected = inside ? 126 : YuvFrames.luma(before, x, y);
                assertThat(YuvFrames.luma(picture, x, y)).isEqualTo(expected);
            }
        }
        for (int plane = 1; plane <= 2; plane++) {
            for (int y = 0; y < 90; y++) {
                for (int x = 0; x < 160; x++) {
                    boolean inside = x >= 16 && x < 65 && y >= 18 && y < 46;
                    byte expected = inside ? 0 : before.getPlaneData(plane)[y * 160 + x];
                    assertThat(picture.getPlaneData(plane)[y * 160 + x]).isEqualTo(expected);
                }
            }
        }
    }

    @Test
    @DisplayName("Footage with B-frames (most cameras' high profile) is refused with a pointer to FFmpeg, nothing written")
    void refusesBFramesClearly() throws Exception {
        assumeTrue(InstalledFfmpeg.ffmpeg().isPresent(), "ffmpeg not installed (needed to make B-frame footage)");
        Path bFrames = out.resolve("sources-b.mp4");
        Process process = new ProcessBuilder(InstalledFfmpeg.ffmpeg().orElseThrow().toString(), "-nostdin", "-v",
                "error", "-i", segments.get(0).file().toString(), "-c:v", "libx264", "-bf", "2", "-f", "mp4",
                bFrames.toString()).redirectErrorStream(true).start();
        assertThat(process.waitFor()).isZero();
        ExtractionRequest request = new ExtractionRequest(CAMERA, List.of(new SegmentFile(bFrames, T0,
                T0.plusSeconds(10), "LIL-004/20261120/133000-10.mp4")), T0, T0.plusSeconds(10), List.of(), List.of(),
                out.resolve("extrait.mp4"));

        assertThatThrownBy(() -> processor.extract(request, ExtractionProgress.NONE, () -> false))
                .isInstanceOf(ExtractionException.class)
                .hasMessageContaining("LIL-004/20261120/133000-10.mp4")
                .hasMessageContaining("regard.archive.ffmpeg");
        assertThat(out.resolve("extrait.mp4")).doesNotExist();
    }
}
