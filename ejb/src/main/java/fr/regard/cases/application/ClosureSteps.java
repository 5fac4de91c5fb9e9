package fr.regard.cases.application;

import fr.regard.archive.domain.FootageArchive;
import fr.regard.cases.domain.AccessCase;
import fr.regard.cases.domain.CaseClock;
import fr.regard.cases.domain.CaseRepository;
import fr.regard.cases.domain.RequestKind;
import fr.regard.correspondence.domain.Correspondence;
import fr.regard.correspondence.domain.LetterRequest;
import fr.regard.correspondence.domain.LetterType;
import fr.regard.journal.domain.Journal;
import fr.regard.journal.domain.JournalActions;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;

/**
 * The end of a case: closure after the answer or for a missing complement (holds released, an extract still kept
 * destroyed), and the purge of its personal data when the policy's retention ends (GDPR art. 5(1)(e)).
 */
@Stateless
public class ClosureSteps {

    private static final String PURPOSE = "Clôture du dossier";

    @Inject
    CaseRepository cases;

    @Inject
    CaseClock clock;

    @Inject
    FootageArchive archive;

    @Inject
    Correspondence correspondence;

    @Inject
    Journal journal;

    Clock systemClock = Clock.systemUTC();

    /** Closes the answered case; returns when its personal data will be purged. */
    public Instant close(long caseId) {
        AccessCase c = cases.lock(caseId);
        Instant purgeAt = c.close(Now.of(systemClock), clock);
        disposeOfFootage(c);
        journalClosure(c, purgeAt);
        return purgeAt;
    }

    /** Décret 2019-536: no complement in time: the requester is told and the case closed. */
    public void closeForMissingComplement(long caseId) {
        AccessCase c = cases.lock(caseId);
        Instant purgeAt = c.closeForMissingComplement(Now.of(systemClock), clock);
        correspondence.issue(LetterRequest.of(c.id(), c.reference().value(), LetterType.CLOSURE_MISSING_COMPLEMENT)
                .with("complementDeadline", CaseEvents.text(c.deadlines().complementDeadline())));
        disposeOfFootage(c);
        journalClosure(c, purgeAt);
    }

    /** Purges the case's personal data and journals it; a case already purged is left as it is. */
    public void purgePersonalData(long caseId) {
        AccessCase c = cases.lock(caseId);
        if (c.personalDataPurgedAt() != null) {
            return;
        }
        c.purgePersonalData(Now.of(systemClock));
        int complements = cases.deleteComplementsOf(caseId);
        journal.record(CaseEvents.bySystem(JournalActions.PERSONAL_DATA_PURGED, c,
                        "Limitation de la conservation (RGPD art. 5(1)(e))")
                .withDetail("complementsDeleted", String.valueOf(complements)));
    }

    /**
     * Holds are released; an extract kept after a refusal or a "no data" answer is destroyed at closure (the DPO may
     * settle another rule for the CNIL's indirect access, docs/workflow.md open points). Idempotent on the archive.
     */
    private void disposeOfFootage(AccessCase c) {
        if (c.kind() == RequestKind.ACCESS) {
            archive.releaseHolds(c.id(), c.reference().value());
            boolean extractStillKept = c.extraction() != null && c.decision() != null
                    && !c.decision().kind().communicatesFootage();
            if (extractStillKept) {
                archive.destroyExtract(c.id(), c.reference().value());
            }
        }
    }

    private void journalClosure(AccessCase c, Instant purgeAt) {
        journal.record(CaseEvents.bySystem(JournalActions.CASE_CLOSED, c, PURPOSE)
                .withDetail("reason", c.closureReason().name())
                .withDetail("personalDataPurgeAt", purgeAt.toString())
                .withDetail("status", c.status().name()));
    }
}
