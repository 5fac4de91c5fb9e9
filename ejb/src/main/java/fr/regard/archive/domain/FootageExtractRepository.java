package fr.regard.archive.domain;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Where extracts are kept; see {@link FootageExtract} for their lifecycle. Runs in the caller's transaction. */
public interface FootageExtractRepository {

    /** A new request number, shared by the extracts (one per camera) of one request. */
    long nextRequestId();

    void add(FootageExtract extract);

    Optional<FootageExtract> find(long id);

    /** The extract, locked for update (a worker, a cancellation and a destruction never interleave). */
    Optional<FootageExtract> lock(long id);

    /** Every extract of a case, oldest first. */
    List<FootageExtract> ofCase(String caseReference);

    /** The extracts of one request, by camera. */
    List<FootageExtract> ofRequest(long requestId);

    /** Ids of the extracts in a status, oldest first, at most {@code max}. */
    List<Long> withStatus(ExtractStatus status, int max);

    /** Ids of running extracts run by {@code node}, or whose last progress is before {@code staleBefore}. */
    List<Long> interrupted(String node, Instant staleBefore);
}
