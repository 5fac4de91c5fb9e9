package fr.regard.archive.application;

import java.time.Duration;
import java.util.Objects;

/**
 * How the ingest scans (docs/archive.md, "Segment index"):
 * <ul>
 * <li>{@code settle}: a segment is indexed only once its end is at least this far in the past, so that a segment the
 * recorder is still writing is never hashed half-written;</li>
 * <li>{@code lookback}: each camera is listed from its newest indexed start minus this margin, so that a rerun reads
 * a few day folders, not 14 days, and late or changed files of the last moments are still seen;</li>
 * <li>{@code batchSize} and {@code batchTime}: new segments are committed by at most this many, or after at most this
 * long, in their own transaction with their journal event (2.4 M segments never make one transaction);</li>
 * <li>{@code lease}: how long a run holds the cluster-wide ingest lease between two commits.</li>
 * </ul>
 */
public record IngestPolicy(Duration settle, Duration lookback, int batchSize, Duration batchTime, Duration lease) {

    public IngestPolicy {
        Objects.requireNonNull(settle, "settle");
        Objects.requireNonNull(lookback, "lookback");
        Objects.requireNonNull(batchTime, "batchTime");
        Objects.requireNonNull(lease, "lease");
        if (settle.isNegative() || lookback.isNegative()) {
            throw new IllegalArgumentException("settle and lookback are never negative: " + settle + ", " + lookback);
        }
        if (batchSize < 1 || batchSize > 100_000) {
            throw new IllegalArgumentException("The ingest batch size is between 1 and 100000: " + batchSize);
        }
        if (batchTime.compareTo(lease) >= 0 || batchTime.isNegative() || batchTime.isZero()) {
            throw new IllegalArgumentException("A batch must commit well within the lease: " + batchTime + " < " + lease);
        }
    }
}
