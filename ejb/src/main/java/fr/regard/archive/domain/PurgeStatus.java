package fr.regard.archive.domain;

/**
 * Where a purge batch stands. RUNNING while it destroys (at most one at a time across the cluster); COMPLETED when
 * it destroyed every expired, unheld segment it found; FAILED when it was interrupted (server stopped, crash) and
 * taken over by the next run, which finished its last segments. A closed batch never changes again: it is the
 * record an attestation de destruction is drawn from.
 */
public enum PurgeStatus {
    RUNNING,
    COMPLETED,
    FAILED
}
