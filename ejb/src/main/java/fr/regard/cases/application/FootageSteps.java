package fr.regard.cases.application;

import fr.regard.archive.domain.DestructionReport;
import fr.regard.archive.domain.FootageArchive;
import fr.regard.archive.domain.FootageWindow;
import fr.regard.cases.domain.AccessCase;
import fr.regard.cases.domain.CaseRepository;
import fr.regard.cases.domain.DestructionFinding;
import fr.regard.cases.domain.Extraction;
import fr.regard.cases.domain.RequestKind;
import fr.regard.journal.domain.Journal;
import fr.regard.journal.domain.JournalActions;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.NoSuchElementException;

/**
 * The process steps that reach the recording archive (through {@link FootageArchive}): hold at intake, extract,
 * destroy the extract, release the holds, check a window's destruction. Each runs in the process's transaction.
 */
@Stateless
public class FootageSteps {

    @Inject
    CaseRepository cases;

    @Inject
    FootageArchive archive;

    @Inject
    Journal journal;

    /**
     * Charter art. 3.2: the requested footage is held before any human step, in the intake transaction (the case
     * was just created in it: read, not locked).
     */
    public void placeHold(long caseId) {
        AccessCase c = cases.findById(caseId).orElseThrow(() -> new NoSuchElementException("No case " + caseId));
        archive.placeHold(caseId, c.reference().value(),
                new FootageWindow(c.facts().start(), c.facts().end(), c.facts().place(), null));
    }

    public void produceExtract(long caseId) {
        AccessCase c = cases.lock(caseId);
        Extraction extraction = c.extraction();
        if (extraction == null) {
            throw new IllegalStateException("Case " + c.reference() + " has no extraction to produce");
        }
        archive.produceExtract(caseId, c.reference().value(),
                new FootageWindow(extraction.windowStart(), extraction.windowEnd(), null, extraction.cameras()),
                extraction.masking().label());
    }

    /** Idempotent: nothing to do when no footage was extracted (e.g. a withdrawal before extraction). */
    public void destroyExtract(long caseId) {
        AccessCase c = cases.lock(caseId);
        if (c.extraction() != null) {
            archive.destroyExtract(caseId, c.reference().value());
        }
    }

    /** A verification request holds nothing; an access request's holds are released. */
    public void releaseHolds(long caseId) {
        AccessCase c = cases.lock(caseId);
        if (c.kind() == RequestKind.ACCESS) {
            archive.releaseHolds(caseId, c.reference().value());
        }
    }

    /** Verification request: asks the archive about the facts window and records the finding on the case. */
    public DestructionCheck checkDestruction(long caseId) {
        AccessCase c = cases.lock(caseId);
        DestructionReport report = archive.destructionStatus(caseId, c.reference().value(),
                new FootageWindow(c.facts().start(), c.facts().end(), c.facts().place(), null));
        DestructionFinding finding = switch (report.state()) {
            case DESTROYED -> DestructionFinding.DESTROYED;
            case PENDING -> DestructionFinding.PENDING;
            case JUDICIAL_HOLD -> DestructionFinding.JUDICIAL_HOLD;
        };
        Instant dueAt = finding == DestructionFinding.PENDING ? report.destroyedBy() : null;
        c.recordDestructionFinding(finding, dueAt);
        journal.record(CaseEvents.bySystem(JournalActions.DESTRUCTION_FINDING_RECORDED, c,
                        "Vérification de la destruction demandée par la personne filmée (charte art. 3.2)")
                .withDetail("finding", finding.name())
                .withDetail("verifiedInArchive", String.valueOf(report.verified()))
                .withDetail("destructionDueAt", CaseEvents.text(dueAt))
                .withDetail("status", c.status().name()));
        return new DestructionCheck(finding, dueAt);
    }

    /** A destruction finding and, when pending, when to check again. */
    public record DestructionCheck(DestructionFinding finding, Instant dueAt) {
    }
}
