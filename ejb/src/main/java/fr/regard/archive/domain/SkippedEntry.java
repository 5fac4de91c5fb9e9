package fr.regard.archive.domain;

import java.util.Objects;

/**
 * An entry of the archive that a listing skipped because it is not a readable segment: an unexpected file name, an
 * empty or partial file, a file that is not MP4, an unreadable folder. Reported, never fatal: the purge and the
 * searches go on with the rest, and the operators see what needs looking at.
 */
public record SkippedEntry(String location, String reason) {

    public SkippedEntry {
        Objects.requireNonNull(location, "location");
        Objects.requireNonNull(reason, "reason");
    }

    /** Receives skipped entries as they are found (for logs, metrics, the operators' console). */
    @FunctionalInterface
    public interface Listener {

        void skipped(SkippedEntry entry);

        Listener NONE = entry -> { };
    }
}
