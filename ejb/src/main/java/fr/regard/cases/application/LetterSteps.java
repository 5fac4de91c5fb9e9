package fr.regard.cases.application;

import fr.regard.cases.domain.AccessCase;
import fr.regard.cases.domain.CaseClock;
import fr.regard.cases.domain.CaseRepository;
import fr.regard.cases.domain.ComplementDates;
import fr.regard.cases.domain.Decision;
import fr.regard.cases.domain.RefusalGround;
import fr.regard.cases.domain.SearchOutcome;
import fr.regard.correspondence.domain.Correspondence;
import fr.regard.correspondence.domain.LetterRequest;
import fr.regard.correspondence.domain.LetterType;
import fr.regard.journal.domain.Journal;
import fr.regard.journal.domain.JournalActions;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.util.stream.Collectors;

/**
 * The process steps that write to the requester (through {@link Correspondence}) and the state changes that go with
 * them: acknowledgement, complement request and reminder, extension notice, the answer, delivery, attestation,
 * withdrawal acknowledgement. Each letter names the case, its dates and the legal basis it applies.
 */
@Stateless
public class LetterSteps {

    @Inject
    CaseRepository cases;

    @Inject
    CaseClock clock;

    @Inject
    Correspondence correspondence;

    @Inject
    Journal journal;

    Clock systemClock = Clock.systemUTC();

    public void acknowledge(long caseId) {
        AccessCase c = cases.lock(caseId);
        send(letter(c, LetterType.ACKNOWLEDGEMENT)
                .with("responseDue", c.deadlines().responseDue().toString())
                .with("charterWindow", c.withinCharterWindow() ? "IN" : "OUT")
                .with("charterWindowEnd", c.deadlines().charterWindowEnd().toString()));
    }

    /** Décret 2019-536: asks what is missing; returns the reminder and the deadline the process waits for. */
    public ComplementDates requestComplement(long caseId) {
        AccessCase c = cases.lock(caseId);
        ComplementDates dates = clock.complementFrom(Now.of(systemClock));
        c.requestComplement(dates);
        journal.record(CaseEvents.bySystem(JournalActions.COMPLEMENT_REQUESTED, c, "Instruction de la demande")
                .withDetail("identityDoubt", String.valueOf(c.qualification().identityDoubt()))
                .withDetail("precise", String.valueOf(c.qualification().precise()))
                .withDetail("complementReminderAt", dates.reminderAt().toString())
                .withDetail("complementDeadline", dates.deadline().toString()));
        send(letter(c, LetterType.COMPLEMENT_REQUEST).with("complementDeadline", dates.deadline().toString()));
        return dates;
    }

    public void remindComplement(long caseId) {
        AccessCase c = cases.lock(caseId);
        send(letter(c, LetterType.COMPLEMENT_REMINDER)
                .with("complementDeadline", CaseEvents.text(c.deadlines().complementDeadline())));
    }

    /** GDPR art. 12(3): the requester is told of the extension and its reasons within the first period. */
    public void sendExtensionNotice(long caseId) {
        AccessCase c = cases.lock(caseId);
        send(letter(c, LetterType.EXTENSION_NOTICE)
                .with("responseDue", c.deadlines().responseDue().toString())
                .with("legalBasis", "RGPD art. 12, paragraphe 3"));
    }

    /** The answer: copy, viewing invitation, partial answer, refusal or "no data", by the DPO's decision. */
    public void issueDecisionLetter(long caseId) {
        AccessCase c = cases.lock(caseId);
        Decision decision = c.decision();
        if (decision == null) {
            throw new IllegalStateException("Case " + c.reference() + " has no decision");
        }
        LetterType type = switch (decision.kind()) {
            case GRANT_COPY -> LetterType.RESPONSE_COPY;
            case GRANT_VIEWING -> LetterType.VIEWING_INVITATION;
            case PARTIAL -> LetterType.PARTIAL_RESPONSE;
            case REFUSAL -> LetterType.REFUSAL;
            case NO_DATA -> c.search() != null && c.search().outcome() == SearchOutcome.ALREADY_DESTROYED
                    ? LetterType.FOOTAGE_DESTROYED : LetterType.NO_DATA;
        };
        if (type == LetterType.RESPONSE_COPY || type == LetterType.PARTIAL_RESPONSE) {
            c.announceDelivery(Now.of(systemClock), clock);
        }
        if (type == LetterType.PARTIAL_RESPONSE) {
            // A partial answer is two letters: the copy of what can be communicated, then the reasoned refusal of
            // the rest (the refusal says the copy comes "par un courrier distinct").
            send(letter(c, LetterType.RESPONSE_COPY).with("decision", decision.kind().name())
                    .with("deliveryExpiresAt", c.deadlines().deliveryExpiresAt().toString()));
        }
        LetterRequest letter = letter(c, type)
                .with("decision", decision.kind().name())
                .with("legalBasis", c.qualification() == null ? "" : c.qualification().regime().legalBasis())
                .with("charterWindow", c.withinCharterWindow() ? "IN" : "OUT");
        if (!c.refusalGrounds().isEmpty()) {
            letter = letter.with("grounds", c.refusalGrounds().stream().map(RefusalGround::code)
                            .collect(Collectors.joining(",")))
                    .with("indirectAccessThroughCnil", String.valueOf(
                            c.refusalGrounds().stream().anyMatch(RefusalGround::opensIndirectAccess)));
        }
        if (decision.viewingAt() != null) {
            letter = letter.with("viewingAt", decision.viewingAt().toString()).with("viewingPlace", decision.viewingPlace());
        }
        if (type == LetterType.FOOTAGE_DESTROYED) {
            letter = letter.with("destroyedAt", CaseEvents.text(c.search().destroyedAt()));
        }
        send(letter);
    }

    /** The masked copy is made available for the policy's delivery period; returns when the link expires. */
    public Instant publishDeliveryLink(long caseId) {
        AccessCase c = cases.lock(caseId);
        Instant expiresAt = c.publishDelivery(Now.of(systemClock), clock);
        journal.record(CaseEvents.bySystem(JournalActions.DELIVERY_PUBLISHED, c, "Communication des images au demandeur")
                .withDetail("deliveryExpiresAt", expiresAt.toString())
                .withDetail("downloadLink", "NOT_CREATED")
                .withDetail("status", c.status().name()));
        return expiresAt;
    }

    public void issueDestructionAttestation(long caseId) {
        AccessCase c = cases.lock(caseId);
        send(letter(c, LetterType.DESTRUCTION_ATTESTATION)
                .with("windowStart", c.facts().start().toString())
                .with("windowEnd", c.facts().end().toString())
                .with("legalBasis", "CSI L252-5 ; charte de vidéoprotection art. 3.2"));
    }

    public void issueJudicialHoldLetter(long caseId) {
        AccessCase c = cases.lock(caseId);
        send(letter(c, LetterType.JUDICIAL_HOLD)
                .with("legalBasis", "CSI L252-5 (conservation pour une procédure judiciaire)"));
    }

    public void acknowledgeWithdrawal(long caseId) {
        AccessCase c = cases.lock(caseId);
        send(letter(c, LetterType.WITHDRAWAL_ACKNOWLEDGEMENT));
    }

    private static LetterRequest letter(AccessCase c, LetterType type) {
        return LetterRequest.of(c.id(), c.reference().value(), type);
    }

    private void send(LetterRequest request) {
        correspondence.issue(request);
    }
}
