package fr.regard.archive.media;

/** Told how far a long extraction is: frames written so far out of the frames the extract will hold. */
@FunctionalInterface
public interface ExtractionProgress {

    ExtractionProgress NONE = (done, total) -> { };

    void frames(long done, long total);
}
