package fr.regard.cases.domain;

import java.util.Optional;

/** Where cases are kept. */
public interface CaseRepository {

    /** Next number of the reference sequence: unique, never reused, even when a transaction rolls back. */
    long nextReferenceNumber();

    void add(AccessCase accessCase);

    Optional<AccessCase> findByReference(CaseReference reference);

    Optional<AccessCase> findByTrackingTokenHash(String trackingTokenHash);
}
