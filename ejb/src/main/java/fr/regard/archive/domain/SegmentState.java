package fr.regard.archive.domain;

/**
 * Where an indexed segment stands: still in the archive; claimed by a purge batch whose deletion is under way
 * (DESTROYING, a transient state of the crash-safe protocol: the file may or may not be gone yet); or destroyed by the
 * purge (the row stays as proof).
 */
public enum SegmentState {
    PRESENT,
    DESTROYING,
    DESTROYED
}
