package fr.regard.intake.application;

import fr.regard.calendar.domain.LegalCalendar;
import fr.regard.cases.application.TrackingView;
import fr.regard.cases.domain.AccessCase;
import fr.regard.cases.domain.CaseClock;
import fr.regard.cases.domain.CaseReference;
import fr.regard.cases.domain.CaseRepository;
import fr.regard.cases.domain.Facts;
import fr.regard.cases.domain.Requester;
import fr.regard.cases.domain.TrackingToken;
import fr.regard.journal.domain.Journal;
import fr.regard.journal.domain.JournalActions;
import fr.regard.journal.domain.JournalEvent;
import fr.regard.workflow.application.CaseProcesses;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.logging.Logger;

/**
 * Takes a request in from any channel: checks it, creates the case with its deadlines, starts its process
 * ({@code access-request}, which places the hold on the footage at once, or {@code verify-destruction}) and journals
 * the receipt, all in one transaction — either the case, its process, its hold request and its journal entries all
 * exist, or none does.
 */
@Stateless
public class IntakeService {

    private static final Logger LOG = Logger.getLogger(IntakeService.class.getName());

    @Inject
    CaseRepository cases;

    @Inject
    CaseClock clock;

    @Inject
    LegalCalendar calendar;

    @Inject
    CaseProcesses processes;

    @Inject
    Journal journal;

    Clock systemClock = Clock.systemUTC();

    /** What {@link #receive} would refuse in {@code request}, without refusing it (channels that must not roll back). */
    public List<FieldViolation> violations(NewRequest request) {
        return RequestRules.check(request, systemClock.instant().truncatedTo(ChronoUnit.MICROS));
    }

    public ReceivedRequest receive(NewRequest request) {
        // Microseconds: what both databases keep, so every view shows the same receipt time.
        Instant now = systemClock.instant().truncatedTo(ChronoUnit.MICROS);
        List<FieldViolation> violations = RequestRules.check(request, now);
        if (!violations.isEmpty()) {
            throw new InvalidRequestException(violations);
        }
        Instant receivedAt = request.receivedAt() != null ? request.receivedAt() : now;
        String description = request.description() == null ? null : request.description().strip();
        boolean provisional = RequestRules.factsToConfirm(request);
        Facts facts = provisional ? clock.provisionalFacts(receivedAt, description)
                : new Facts(request.factsStart(), request.factsEnd(), request.place().strip(), description);
        int year = calendar.dayOf(receivedAt).getYear();
        CaseReference reference = CaseReference.of(request.kind(), year, cases.nextReferenceNumber());
        TrackingToken token = TrackingToken.generate();
        AccessCase accessCase = new AccessCase(reference, request.kind(), request.channel(),
                new Requester(request.firstName().strip(), request.lastName().strip(),
                        request.email() == null || request.email().isBlank() ? null : request.email().strip(),
                        request.postalAddress(), request.language()),
                facts, receivedAt, clock.deadlinesFor(facts, receivedAt), token.hash());
        if (request.registeredMailNumber() != null && !request.registeredMailNumber().isBlank()) {
            accessCase.recordIntakeRegisteredMail(request.registeredMailNumber().strip());
        }
        if (provisional) {
            accessCase.markFactsToConfirm();
        }
        cases.add(accessCase);
        accessCase.attachProcess(processes.startFor(accessCase));
        journal.record(JournalEvent.onCase("requester", "requester", JournalActions.CASE_RECEIVED, reference.value())
                .withDetail("kind", request.kind().name())
                .withDetail("channel", request.channel().name())
                .withDetail("receivedAt", receivedAt.toString())
                .withDetail("language", accessCase.requester().language())
                .withDetail("factsConfirmed", String.valueOf(!provisional))
                .withDetail("registeredMail", accessCase.intakeRegisteredMail() == null ? ""
                        : accessCase.intakeRegisteredMail()));
        LOG.info(() -> "Case " + reference + " received by " + request.channel());
        return new ReceivedRequest(TrackingView.of(accessCase), token.value());
    }
}
