package fr.regard.cases.domain;

import java.util.List;
import java.util.Optional;

/** Where cases are kept. */
public interface CaseRepository {

    /** Next number of the reference sequence: unique, never reused, even when a transaction rolls back. */
    long nextReferenceNumber();

    void add(AccessCase accessCase);

    Optional<AccessCase> findById(long id);

    /** The case, locked for update: steps on one case run one after the other. */
    AccessCase lock(long id);

    Optional<AccessCase> findByReference(CaseReference reference);

    Optional<AccessCase> findByTrackingTokenHash(String trackingTokenHash);

    /**
     * Cases whose process ended early (withdrawn, closed without a complement) and whose personal data are due for
     * the purge by {@code asOf}: no process timer purges them.
     */
    List<Long> endedEarlyDueForPurge(java.time.Instant asOf, int max);

    void addComplement(ComplementReceipt complement);

    List<ComplementReceipt> complementsOf(long caseId);

    /** Deletes what the requester sent (purge); returns how many were deleted. */
    int deleteComplementsOf(long caseId);
}
