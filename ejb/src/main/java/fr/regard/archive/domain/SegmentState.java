package fr.regard.archive.domain;

/** Where an indexed segment stands: still in the archive, or destroyed by the purge (the row stays as proof). */
public enum SegmentState {
    PRESENT,
    DESTROYED
}
