package fr.regard.archive.media;

import java.util.function.BooleanSupplier;

/**
 * The extraction engine: assembles the window of one camera from its segments into one MP4 file, trimmed at frame
 * granularity, with third parties and the camera's privacy masks covered irreversibly, and returns its SHA-256.
 * Two implementations: pure Java ({@link JcodecFootageProcessor}, the embedded default) and a configured FFmpeg
 * program ({@link FfmpegFootageProcessor}, production footage). Either the extract is complete at
 * {@link ExtractionRequest#output()} or nothing is there.
 */
public interface FootageProcessor {

    /**
     * @param progress  told after each frame (pure Java) or a few times a second (FFmpeg); the last call has
     *                  {@code done == total}
     * @param cancelled polled while working; once true, the extraction stops, removes what it wrote and throws
     *                  {@link ExtractionCancelledException}
     * @throws ExtractionException when a segment cannot be read (named in the message) or the engine fails
     */
    ExtractionResult extract(ExtractionRequest request, ExtractionProgress progress, BooleanSupplier cancelled);

    /** The engine and its version, for the extraction record (e.g. {@code jcodec 0.2.5}). */
    String engine();
}
