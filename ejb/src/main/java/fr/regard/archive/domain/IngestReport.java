package fr.regard.archive.domain;

import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * What one run of the ingest did: how many segments it listed, indexed (new), found already indexed, left for a later
 * run because they may still be written ({@code notSettled}), how many bytes it hashed, and every problem counted by
 * kind with the first {@value #MAX_SAMPLES} of them spelt out.
 */
public record IngestReport(String runId, String node, Instant startedAt, Instant finishedAt, Outcome outcome,
                           String failure, int cameras, long listed, long indexed, long alreadyIndexed,
                           long notSettled, long bytesHashed, Map<IngestProblem.Kind, Long> problems,
                           List<IngestProblem> samples) {

    public static final int MAX_SAMPLES = 50;

    public enum Outcome {
        /** Every camera was scanned (problems, if any, are reported). */
        COMPLETED,
        /** The run stopped: the archive is unreachable, or the database failed. What was committed stays. */
        FAILED,
        /** Another node took the lease over (this run was too slow to renew it): it stopped after its last commit. */
        INTERRUPTED
    }

    public IngestReport {
        EnumMap<IngestProblem.Kind, Long> counts = new EnumMap<>(IngestProblem.Kind.class);
        problems.forEach((kind, count) -> {
            if (count > 0) {
                counts.put(kind, count);
            }
        });
        problems = java.util.Collections.unmodifiableMap(counts);
        samples = List.copyOf(samples);
    }

    public long problemCount() {
        return problems.values().stream().mapToLong(Long::longValue).sum();
    }
}
