package fr.regard.archive.domain;

import java.util.Objects;

/**
 * Something the ingest could not index, reported (counted, logged, summed up in the run's journal event) and never
 * fatal to the run.
 */
public record IngestProblem(Kind kind, String location, String reason) {

    public enum Kind {
        /** The archive skipped an entry that is not a readable segment (name, empty, truncated, not MP4, link…). */
        SKIPPED_ENTRY,
        /** A folder of the archive that is not a registered camera: its segments are not indexed. */
        UNKNOWN_CAMERA,
        /** Listing one camera failed (unreadable folder, I/O error); the other cameras go on. */
        CAMERA_UNREADABLE,
        /** The segment disappeared between the listing and the hashing (purged, moved). */
        VANISHED,
        /** The segment could not be read through. */
        UNREADABLE,
        /** The bytes read differ in number from the listed size: still being written or replaced; retried later. */
        CHANGED_WHILE_HASHING,
        /** The segment's size now differs from the one indexed: the stored hash stays, the file needs looking at. */
        CHANGED_SINCE_INDEXED,
        /** Another segment of the same camera starts at the same second: only the first one listed is indexed. */
        DUPLICATE_START
    }

    public IngestProblem {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(location, "location");
        Objects.requireNonNull(reason, "reason");
    }
}
