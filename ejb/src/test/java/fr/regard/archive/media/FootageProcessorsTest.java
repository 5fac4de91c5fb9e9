package fr.regard.archive.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** regard.archive.ffmpeg chooses the engine. */
class FootageProcessorsTest {

    @TempDir
    Path temp;

    @Test
    @DisplayName("Unset or blank: the pure-Java engine, named with its version")
    void pureJavaByDefault() {
        assertThat(FootageProcessors.configured("")).isInstanceOf(JcodecFootageProcessor.class);
        assertThat(FootageProcessors.configured("  ")).isInstanceOf(JcodecFootageProcessor.class);
        assertThat(FootageProcessors.configured(null).engine()).startsWith("jcodec 0.2.5");
    }

    @Test
    @DisplayName("A path that is not an ffmpeg program with ffprobe beside it is refused, naming the setting")
    void refusesWhatIsNotAProgram() throws Exception {
        Path notAProgram = Files.writeString(temp.resolve("ffmpeg"), "#!/bin/sh\n");
        assertThatThrownBy(() -> FootageProcessors.configured(notAProgram.toString()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("regard.archive.ffmpeg");
        assertThatThrownBy(() -> FootageProcessors.configured(temp.resolve("missing/ffmpeg").toString()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not an executable program");
    }

    @Test
    @DisplayName("A mask outside the picture, empty or a time range backwards is refused")
    void masksAreChecked() {
        assertThatThrownBy(() -> new MaskArea(0.8, 0.1, 0.3, 0.2)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("inside the picture");
        assertThatThrownBy(() -> new MaskArea(0.1, 0.1, 0, 0.2)).isInstanceOf(IllegalArgumentException.class);
        java.time.Instant t = java.time.Instant.parse("2026-11-20T13:30:00Z");
        assertThatThrownBy(() -> new TimedMask(new MaskArea(0, 0, 1, 1), t, t)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("ends after it starts");
        assertThat(new MaskArea(0, 0, 1, 1).pixels(320, 180)).containsExactly(0, 0, 320, 180);
    }

    @Test
    @DisplayName("The installed ffmpeg (where there is one): the FFmpeg engine, named with FFmpeg's version")
    void ffmpegWhenConfigured() {
        assumeTrue(InstalledFfmpeg.ffmpeg().isPresent(), "ffmpeg not installed");
        FootageProcessor processor = FootageProcessors.configured(InstalledFfmpeg.ffmpeg().orElseThrow().toString());
        assertThat(processor).isInstanceOf(FfmpegFootageProcessor.class);
        assertThat(processor.engine()).startsWith("ffmpeg version ");
    }
}
