package fr.regard.archive.domain;

import java.util.List;

/**
 * The recording archive as the case lifecycle needs it (seam): freeze the requested footage before the purge
 * reaches it, extract and mask it, destroy extracts, and say whether a window's footage is destroyed. The archive
 * capability (later issue) implements it on the segment store; calls run in the caller's transaction.
 */
public interface FootageArchive {

    /** Holds the footage of the window for the case (charter art. 3.2: before any human step). */
    ArchiveAction placeHold(long caseId, String caseReference, FootageWindow window);

    /**
     * The facts were stated by the DPO (a request opened on provisional facts): the case's own holds move to the
     * confirmed window — the new window is held first, then the provisional holds are released, in the caller's
     * transaction, so nothing the person asks for is ever unheld. Judicial holds are not touched.
     */
    ArchiveAction moveHold(long caseId, String caseReference, FootageWindow confirmed);

    /** Releases every hold of the case; idempotent. */
    ArchiveAction releaseHolds(long caseId, String caseReference);

    /** Produces the masked extract of the window and its procès-verbal. */
    ArchiveAction produceExtract(long caseId, String caseReference, FootageWindow window, String masking);

    /** Destroys the case's extracts with a certificate; idempotent. */
    ArchiveAction destroyExtract(long caseId, String caseReference);

    /** Whether the window's footage is destroyed, pending destruction, or under a judicial hold. */
    DestructionReport destructionStatus(long caseId, String caseReference, FootageWindow window);

    /** What was asked of the archive for a case, oldest first. */
    List<ArchiveAction> actionsOf(String caseReference);
}
