package fr.regard.cases.application;

import fr.regard.cases.domain.AccessCase;
import fr.regard.cases.domain.CaseClock;
import fr.regard.cases.domain.CaseRepository;
import fr.regard.cases.domain.ExtensionTooLateException;
import fr.regard.cases.domain.ResponseDates;
import fr.regard.journal.domain.Journal;
import fr.regard.journal.domain.JournalActions;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

/**
 * The answer clock of GDPR art. 12(3) as the process moves it: pause and resumption around a complement (policy),
 * the one extension, the reminder and the escalation. Every move of a date is persisted on the case and journalled
 * in the same transaction; the process then re-arms its timers on the returned dates.
 */
@Stateless
public class ResponseClockSteps {

    private static final String PURPOSE = "Respect du délai de réponse (RGPD art. 12(3))";

    @Inject
    CaseRepository cases;

    @Inject
    CaseClock clock;

    @Inject
    Journal journal;

    Clock systemClock = Clock.systemUTC();

    public ResponseDates pause(long caseId) {
        AccessCase c = cases.lock(caseId);
        Instant before = c.deadlines().responseDue();
        ResponseDates dates = c.pauseClock(Now.of(systemClock), clock);
        journal.record(CaseEvents.bySystem(JournalActions.RESPONSE_CLOCK_PAUSED, c, PURPOSE)
                .withDetail("daysLeft", String.valueOf(c.daysLeftAtPause()))
                .withDetail("responseDueBefore", before.toString())
                .withDetail("responseDue", dates.responseDue().toString())
                .withDetail("responseReminderAt", dates.reminderAt().toString()));
        return dates;
    }

    public ResponseDates resume(long caseId) {
        AccessCase c = cases.lock(caseId);
        Instant before = c.deadlines().responseDue();
        int daysLeft = c.daysLeftAtPause() == null ? 0 : c.daysLeftAtPause();
        ResponseDates dates = c.resumeClock(Now.of(systemClock), clock);
        journal.record(CaseEvents.bySystem(JournalActions.RESPONSE_CLOCK_RESUMED, c, PURPOSE)
                .withDetail("daysLeft", String.valueOf(daysLeft))
                .withDetail("responseDueBefore", before.toString())
                .withDetail("responseDue", dates.responseDue().toString())
                .withDetail("responseReminderAt", dates.reminderAt().toString()));
        return dates;
    }

    /**
     * Grants the extension the DPO asked for, if the first period is still running; empty when it has ended (the
     * process then takes its "Premier mois écoulé" path and nothing changes on the case).
     */
    public Optional<ResponseDates> grantExtension(long caseId) {
        AccessCase c = cases.lock(caseId);
        Instant before = c.deadlines().responseDue();
        try {
            ResponseDates dates = c.grantExtension(Now.of(systemClock), clock);
            journal.record(CaseEvents.byStaff(c.extension().requestedBy(), "dpo", JournalActions.RESPONSE_EXTENDED, c,
                            PURPOSE)
                    .withDetail("responseDueBefore", before.toString())
                    .withDetail("responseDue", dates.responseDue().toString())
                    .withDetail("responseReminderAt", dates.reminderAt().toString()));
            return Optional.of(dates);
        } catch (ExtensionTooLateException e) {
            return Optional.empty();
        }
    }

    /** The process refused the extension: the request is dropped and the refusal journalled. */
    public void refuseExtension(long caseId) {
        AccessCase c = cases.lock(caseId);
        String requestedBy = c.extension() == null ? CaseEvents.SYSTEM : c.extension().requestedBy();
        c.dropExtensionRequest();
        journal.record(CaseEvents.byStaff(requestedBy, requestedBy.equals(CaseEvents.SYSTEM) ? "system" : "dpo",
                        JournalActions.EXTENSION_REFUSED, c, PURPOSE)
                .withDetail("reason", "EXTENSION_TOO_LATE")
                .withDetail("responseDue", c.deadlines().responseDue().toString()));
    }

    public void remindDue(long caseId) {
        AccessCase c = cases.lock(caseId);
        journal.record(CaseEvents.bySystem(JournalActions.RESPONSE_REMINDER_DUE, c, PURPOSE)
                .withDetail("responseDue", c.deadlines().responseDue().toString()));
    }

    public void escalateOverdue(long caseId) {
        AccessCase c = cases.lock(caseId);
        c.markOverdue();
        journal.record(CaseEvents.bySystem(JournalActions.RESPONSE_OVERDUE, c, PURPOSE)
                .withDetail("responseDue", c.deadlines().responseDue().toString())
                .withDetail("status", c.status().name()));
    }
}
