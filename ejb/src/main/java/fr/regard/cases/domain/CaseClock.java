package fr.regard.cases.domain;

import fr.regard.calendar.domain.LegalCalendar;
import java.time.Instant;
import java.util.Objects;

/**
 * Computes a case's deadlines from the policy and the legal calendar (Europe/Paris, French public holidays,
 * Regulation 1182/71).
 */
public final class CaseClock {

    private final CasePolicy policy;
    private final LegalCalendar calendar;

    public CaseClock(CasePolicy policy, LegalCalendar calendar) {
        this.policy = Objects.requireNonNull(policy, "policy");
        this.calendar = Objects.requireNonNull(calendar, "calendar");
    }

    public CaseDeadlines deadlinesFor(Facts facts, Instant receivedAt) {
        // Charter art. 3.2: N days counted from the end of the facts; a window ending on a day off runs to the
        // next working day (art. 3(4) of the Regulation, the reading most favourable to the requester).
        Instant charterWindowEnd = calendar.endOfDay(
                calendar.daysPeriodLastDay(facts.end(), policy.filingWindowDays(), true)).toInstant();
        // Retention is technical, not a procedural period: the first requested minute is destroyed exactly
        // retentionDays later (same Paris wall time), whatever the day of the week.
        Instant preservationDeadline = calendar.plusDaysExact(facts.start(), policy.retentionDays()).toInstant();
        Instant responseDue = calendar.endOfDay(
                calendar.monthsPeriodLastDay(receivedAt, policy.responseMonths())).toInstant();
        return new CaseDeadlines(charterWindowEnd, preservationDeadline, responseDue);
    }

    public CasePolicy policy() {
        return policy;
    }
}
