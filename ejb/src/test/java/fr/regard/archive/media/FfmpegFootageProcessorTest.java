package fr.regard.archive.media;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The FFmpeg engine passes the same extraction contract, where FFmpeg is installed (Debian {@code ffmpeg}, as CI
 * installs it; {@code -Dregard.archive.ffmpeg=…} to point at another one): skipped, not failed, elsewhere.
 */
class FfmpegFootageProcessorTest extends FootageProcessorContract {

    @Override
    protected FootageProcessor processor() {
        assumeTrue(InstalledFfmpeg.ffmpeg().isPresent(), "ffmpeg not installed");
        return new FfmpegFootageProcessor(InstalledFfmpeg.ffmpeg().orElseThrow());
    }
}
