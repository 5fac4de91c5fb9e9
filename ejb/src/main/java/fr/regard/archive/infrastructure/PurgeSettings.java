package fr.regard.archive.infrastructure;

import java.time.Duration;
import java.util.Objects;

/**
 * How the purge works through the archive (docs/operations.md):
 *
 * @param chunkSize      segments claimed, deleted and confirmed per transaction pair (1 to 10,000); the camera locks
 *                       that keep new holds out are held while one chunk's files are deleted
 * @param lease          how long a running batch stays its runner's without news; after it, the next run takes it
 *                       over (a crashed node never blocks the purge for longer)
 * @param sliceBudget    how long one call of {@code destroy} (one job of the BPMN loop) works before handing back,
 *                       so no job transaction outlives the server's transaction timeout
 * @param deleteThrottle a pause after each file deletion; zero in production, used by the kill -9 test to land a
 *                       kill in the middle of a chunk
 */
public record PurgeSettings(int chunkSize, Duration lease, Duration sliceBudget, Duration deleteThrottle) {

    public PurgeSettings {
        Objects.requireNonNull(lease, "lease");
        Objects.requireNonNull(sliceBudget, "sliceBudget");
        Objects.requireNonNull(deleteThrottle, "deleteThrottle");
        if (chunkSize < 1 || chunkSize > 10_000) {
            throw new IllegalArgumentException("regard.archive.purge.chunk-size is 1 to 10000: " + chunkSize);
        }
        if (lease.compareTo(Duration.ofSeconds(10)) < 0) {
            throw new IllegalArgumentException("regard.archive.purge.lease is at least 10 seconds: " + lease);
        }
        if (sliceBudget.isNegative() || sliceBudget.isZero() || sliceBudget.compareTo(lease) >= 0) {
            throw new IllegalArgumentException("regard.archive.purge.slice must be positive and shorter than the lease: "
                    + sliceBudget);
        }
        if (deleteThrottle.isNegative()) {
            throw new IllegalArgumentException("the delete throttle is never negative: " + deleteThrottle);
        }
    }
}
