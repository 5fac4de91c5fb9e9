package fr.regard.cases.application;

import fr.regard.cases.application.ActionRefusedException.Reason;
import fr.regard.cases.domain.AccessCase;
import fr.regard.cases.domain.CaseReference;
import fr.regard.cases.domain.CaseRepository;
import fr.regard.journal.domain.Journal;
import fr.regard.journal.domain.JournalActions;
import fr.regard.workflow.application.CaseProcesses;
import fr.regard.workflow.application.CaseTaskBoard;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;

/**
 * The DPO extends a case's answer period by two months, with reasons (GDPR art. 12(3)). The case refuses a second
 * extension, an extension after the decision and one while the clock is paused (nothing changes, 409); otherwise the
 * request goes to the process, whose {@code grantExtension} step grants it only inside the first period — a late one
 * takes the process's "Premier mois écoulé" path: the refusal is journalled and the case keeps its deadline.
 */
@Stateless
public class ExtensionRequests {

    static final int MAX_REASONS = 2000;

    @Inject
    CaseRepository cases;

    @Inject
    CaseProcesses processes;

    @Inject
    CaseTaskBoard board;

    @Inject
    Journal journal;

    Clock systemClock = Clock.systemUTC();

    /** What became of an extension request. */
    public record Outcome(boolean granted, String reference, Instant responseDue, String message) {
    }

    public Outcome request(String reference, String reasons, String user, String role) {
        if (reasons == null || reasons.isBlank()) {
            throw InvalidCommandException.of("reasons", "Les motifs de la prolongation sont obligatoires : ils sont "
                    + "communiqués au demandeur (RGPD art. 12(3)).");
        }
        if (reasons.strip().length() > MAX_REASONS) {
            throw InvalidCommandException.of("reasons", "Les motifs dépassent " + MAX_REASONS + " caractères.");
        }
        AccessCase found = CaseReference.isWellFormed(reference)
                ? cases.findByReference(new CaseReference(reference)).orElse(null) : null;
        if (found == null) {
            throw new ActionRefusedException(Reason.NOT_FOUND, "case-not-found", "Aucun dossier ne porte cette référence.");
        }
        AccessCase c = cases.lock(found.id());
        Instant now = Now.of(systemClock);
        c.requestExtension(reasons, user, now);
        journal.record(CaseEvents.byStaff(user, role, JournalActions.EXTENSION_REQUESTED, c,
                        "Respect du délai de réponse (RGPD art. 12(3))")
                .withDetail("responseDue", c.deadlines().responseDue().toString()));
        if (!processes.awaits(c.reference().value(), CaseProcesses.EXTENSION_REQUESTED)) {
            throw new ActionRefusedException(Reason.CONFLICT, "no-process",
                    "Le processus du dossier n'accepte pas de prolongation en ce moment.");
        }
        processes.send(c.reference().value(), CaseProcesses.EXTENSION_REQUESTED);
        if (c.extension() != null && c.extension().isGranted()) {
            board.moveDueDates(c.reference().value(), c.deadlines().responseDue());
            return new Outcome(true, c.reference().value(), c.deadlines().responseDue(),
                    "Délai de réponse prolongé ; la notification de prolongation est à émettre au demandeur.");
        }
        return new Outcome(false, c.reference().value(), c.deadlines().responseDue(),
                "Le premier délai de réponse a expiré : la prolongation n'est plus possible (RGPD art. 12(3)). "
                        + "Le délai de réponse est inchangé.");
    }
}
