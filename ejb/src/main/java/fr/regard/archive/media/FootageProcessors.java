package fr.regard.archive.media;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import java.nio.file.Path;
import java.util.Optional;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Chooses the extraction engine from {@code regard.archive.ffmpeg}: unset or empty, the pure-Java engine (the embedded
 * default, enough for its synthetic footage); the path of an {@code ffmpeg} program (with {@code ffprobe} beside it),
 * the FFmpeg engine, which production footage needs (H.264 high profile with B-frames, H.265). A path that is not an
 * executable program stops the deployment with the setting named, rather than failing the first extraction.
 */
@ApplicationScoped
public class FootageProcessors {

    private static final Logger LOG = Logger.getLogger(FootageProcessors.class.getName());

    @Inject
    @ConfigProperty(name = "regard.archive.ffmpeg")
    Optional<String> ffmpeg;

    private FootageProcessor processor;

    /** Chosen at deployment, so that a wrong setting stops it at once. */
    void choose(@Observes @Initialized(ApplicationScoped.class) Object deployed) {
        processor();
    }

    @Produces
    @ApplicationScoped
    synchronized FootageProcessor processor() {
        if (processor == null) {
            processor = configured(ffmpeg.orElse(""));
            LOG.info(() -> "Extraction engine: " + processor.engine());
        }
        return processor;
    }

    /** The engine for a value of {@code regard.archive.ffmpeg}. */
    public static FootageProcessor configured(String ffmpegPath) {
        return ffmpegPath == null || ffmpegPath.isBlank() ? new JcodecFootageProcessor()
                : new FfmpegFootageProcessor(Path.of(ffmpegPath.strip()));
    }
}
