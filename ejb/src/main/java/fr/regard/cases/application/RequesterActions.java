package fr.regard.cases.application;

import fr.regard.cases.application.ActionRefusedException.Reason;
import fr.regard.cases.domain.AccessCase;
import fr.regard.cases.domain.CaseClock;
import fr.regard.cases.domain.CaseRepository;
import fr.regard.cases.domain.CaseStatus;
import fr.regard.cases.domain.ComplementReceipt;
import fr.regard.cases.domain.TrackingToken;
import fr.regard.journal.domain.Journal;
import fr.regard.journal.domain.JournalActions;
import fr.regard.workflow.application.CaseProcesses;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;

/**
 * What the requester does on their case through their tracking link (no account): send the complement the DPO
 * asked for, or withdraw the request. Each is one transaction with its journal event and the process's next steps.
 */
@Stateless
public class RequesterActions {

    @Inject
    CaseRepository cases;

    @Inject
    CaseClock clock;

    @Inject
    CaseProcesses processes;

    @Inject
    CaseQueries queries;

    @Inject
    Journal journal;

    Clock systemClock = Clock.systemUTC();

    /** What became of a complement: taken up by the case (awaited) or filed on it for the DPO. */
    public record ComplementOutcome(boolean awaited, TrackingView tracking, String message) {
    }

    /**
     * Décret 2019-536: the requester completes their request. When a complement is awaited, the case goes back to
     * qualification (and its clock runs again); otherwise it is filed on the case for the DPO (e.g. after the
     * deadline: the case stays closed).
     */
    public ComplementOutcome sendComplement(String token, String content) {
        checkComplement(content);
        return complement(cases.lock(byToken(token).id()), content.strip());
    }

    /**
     * The same for a complement the requester sent by e-mail (a reply to the case, docs/mail.md "Routing"): the case
     * is the one the reply belongs to; a text longer than the complement register keeps is cut there (the whole
     * message stays on the case with its original).
     */
    public ComplementOutcome sendComplementByMail(String reference, String content) {
        checkComplement(content == null || content.isBlank() ? "(message sans texte)" : content);
        String text = content == null || content.isBlank() ? "(message sans texte : voir le message joint au dossier)"
                : content.strip();
        if (text.length() > ComplementReceipt.MAX_LENGTH) {
            text = text.substring(0, ComplementReceipt.MAX_LENGTH - 1) + "…";
        }
        AccessCase found = cases.findByReference(new fr.regard.cases.domain.CaseReference(reference))
                .orElseThrow(RequesterActions::notFound);
        return complement(cases.lock(found.id()), text);
    }

    private static void checkComplement(String content) {
        if (content == null || content.isBlank()) {
            throw InvalidCommandException.of("content", "Le complément est vide : indiquez les précisions ou "
                    + "informations demandées.");
        }
        if (content.strip().length() > ComplementReceipt.MAX_LENGTH) {
            throw InvalidCommandException.of("content", "Le complément dépasse " + ComplementReceipt.MAX_LENGTH
                    + " caractères.");
        }
    }

    private ComplementOutcome complement(AccessCase c, String content) {
        if (c.status() == CaseStatus.WITHDRAWN || c.personalDataPurgedAt() != null) {
            throw new ActionRefusedException(Reason.CONFLICT, "case-closed",
                    "Ce dossier est clos : le complément ne peut plus y être joint.");
        }
        Instant now = Now.of(systemClock);
        String reference = c.reference().value();
        boolean awaited = c.status() == CaseStatus.AWAITING_COMPLEMENT
                && processes.awaits(reference, CaseProcesses.COMPLEMENT_RECEIVED);
        cases.addComplement(new ComplementReceipt(c.id(), now, awaited, content));
        if (awaited) {
            c.receiveComplement();
        }
        journal.record(CaseEvents.byRequester(JournalActions.COMPLEMENT_RECEIVED, c)
                .withDetail("awaited", String.valueOf(awaited))
                .withDetail("status", c.status().name()));
        if (awaited) {
            processes.send(reference, CaseProcesses.COMPLEMENT_RECEIVED);
        }
        String message = awaited
                ? "Complément reçu : votre demande reprend son instruction."
                : "Aucun complément n'était attendu : votre message est joint au dossier pour le délégué à la "
                        + "protection des données.";
        return new ComplementOutcome(awaited, queries.trackingView(c), message);
    }

    /** The requester withdraws: everything stops, holds are released, an extract is destroyed, a letter confirms. */
    public TrackingView withdraw(String token) {
        AccessCase c = cases.lock(byToken(token).id());
        Instant purgeAt = c.withdraw(Now.of(systemClock), clock);
        String reference = c.reference().value();
        journal.record(CaseEvents.byRequester(JournalActions.CASE_WITHDRAWN, c)
                .withDetail("personalDataPurgeAt", purgeAt.toString()));
        if (!processes.awaits(reference, CaseProcesses.REQUEST_WITHDRAWN)) {
            throw new ActionRefusedException(Reason.CONFLICT, "no-process",
                    "Ce dossier ne peut plus être retiré.");
        }
        processes.send(reference, CaseProcesses.REQUEST_WITHDRAWN);
        return queries.trackingView(c);
    }

    private AccessCase byToken(String token) {
        if (!TrackingToken.isWellFormed(token)) {
            throw notFound();
        }
        return cases.findByTrackingTokenHash(new TrackingToken(token).hash()).orElseThrow(RequesterActions::notFound);
    }

    private static ActionRefusedException notFound() {
        return new ActionRefusedException(Reason.NOT_FOUND, "tracking-not-found",
                "Ce lien de suivi n'est pas valide. Vérifiez l'adresse reçue avec votre accusé de réception.");
    }
}
