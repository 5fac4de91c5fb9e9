package fr.regard.cases.domain;

import fr.regard.calendar.domain.LegalCalendar;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.temporal.ChronoUnit;
import java.util.Objects;

/**
 * Computes every date of a case from the policy and the legal calendar (Europe/Paris, French public holidays,
 * Regulation 1182/71). The processes wait for these dates (process variables); nothing else computes a date.
 */
public final class CaseClock {

    /** Staff reminders are due at the start of the office day, not at midnight. */
    static final LocalTime OFFICE_DAY_STARTS = LocalTime.of(8, 0);

    private final CasePolicy policy;
    private final LegalCalendar calendar;

    public CaseClock(CasePolicy policy, LegalCalendar calendar) {
        this.policy = Objects.requireNonNull(policy, "policy");
        this.calendar = Objects.requireNonNull(calendar, "calendar");
    }

    public CaseDeadlines deadlinesFor(Facts facts, Instant receivedAt) {
        ResponseDates response = responseDatesEndingOn(calendar.monthsPeriodLastDay(receivedAt, policy.responseMonths()));
        return new CaseDeadlines(charterWindowEnd(facts), preservationDeadline(facts), response.responseDue(),
                response.reminderAt());
    }

    /**
     * Charter art. 3.2: N days counted from the end of the facts; a window ending on a day off runs to the next
     * working day (art. 3(4) of the Regulation, the reading most favourable to the requester).
     */
    public Instant charterWindowEnd(Facts facts) {
        return calendar.endOfDay(calendar.daysPeriodLastDay(facts.end(), policy.filingWindowDays(), true)).toInstant();
    }

    /**
     * Retention is technical, not a procedural period: the first requested minute is destroyed exactly retentionDays
     * later (same Paris wall time), whatever the day of the week.
     */
    public Instant preservationDeadline(Facts facts) {
        return calendar.plusDaysExact(facts.start(), policy.retentionDays()).toInstant();
    }

    /**
     * The window held for a request whose facts are not known yet (read from an e-mail): everything the retention
     * still keeps at receipt, up to the receipt.
     */
    public Facts provisionalFacts(Instant receivedAt, String description) {
        Instant oldestKept = receivedAt.atZone(LegalCalendar.PARIS).minusDays(policy.retentionDays()).toInstant();
        return new Facts(oldestKept, receivedAt, Facts.TO_CONFIRM, description);
    }

    /**
     * GDPR art. 12(3): two further months, counted from the end of the current period (Regulation 1182/71, a
     * period ending on a day off ends on the next working day).
     */
    public ResponseDates extended(Instant responseDue) {
        return responseDatesEndingOn(calendar.monthsPeriodLastDay(responseDue, policy.extensionMonths()));
    }

    /** Décret 2019-536: the requester completes the request; reminder, then deadline (whole days, Paris). */
    public ComplementDates complementFrom(Instant requestedAt) {
        Instant reminderAt = calendar.plusDaysExact(requestedAt.truncatedTo(ChronoUnit.SECONDS),
                policy.complementReminderDays()).toInstant();
        Instant deadline = calendar.endOfDay(
                calendar.daysPeriodLastDay(requestedAt, policy.complementDays(), true)).toInstant();
        return new ComplementDates(reminderAt, deadline);
    }

    /** Whole calendar days left to answer when the clock stops (never negative: an overdue case stays due). */
    public int daysLeft(Instant pausedAt, Instant responseDue) {
        long days = ChronoUnit.DAYS.between(calendar.dayOf(pausedAt), calendar.dayOf(responseDue));
        return (int) Math.max(0, days);
    }

    /**
     * While paused, the answer is due at the latest when the complement period ends plus the days that were left:
     * the date the requester sees if they answer on the last day.
     */
    public ResponseDates whilePaused(Instant complementDeadline, int daysLeft) {
        return responseDatesEndingOn(calendar.daysPeriodLastDay(complementDeadline, daysLeft, true));
    }

    /** The clock starts again on the complement's arrival with the days that were left at the pause. */
    public ResponseDates resumed(Instant resumedAt, int daysLeft) {
        return responseDatesEndingOn(calendar.daysPeriodLastDay(resumedAt, daysLeft, true));
    }

    /** End of the download of a masked copy published at {@code publishedAt}. */
    public Instant deliveryExpiry(Instant publishedAt) {
        return calendar.endOfDay(calendar.daysPeriodLastDay(publishedAt, policy.deliveryDays(), false)).toInstant();
    }

    /** When a case closed at {@code closedAt} loses its personal data. */
    public Instant personalDataPurge(Instant closedAt) {
        return calendar.endOfDay(calendar.dayOf(closedAt).plus(policy.caseDataRetention())).toInstant();
    }

    /**
     * The latest a case hold may legally last (docs/archive.md "Holds"): the longest answer period a case can have
     * (one month from receipt, then the two-month extension counted from its end, GDPR art. 12(3)) followed by the longest delivery of a
     * copy. A case hold still active after it is shown "à réexaminer"; it is not released without the DPO.
     */
    public Instant caseHoldLimit(Instant receivedAt) {
        Instant firstPeriodEnd = calendar.endOfDay(calendar.monthsPeriodLastDay(receivedAt, policy.responseMonths()))
                .toInstant();
        return deliveryExpiry(extended(firstPeriodEnd).responseDue());
    }

    /** When a judicial hold placed at {@code placedAt} is due for review by the DPO (same Paris wall time). */
    public Instant judicialHoldReview(Instant placedAt) {
        return placedAt.atZone(LegalCalendar.PARIS).plusMonths(policy.judicialHoldReviewMonths()).toInstant();
    }

    /** When the retention has destroyed the last requested minute (CSI L252-5): end of the facts + retention. */
    public Instant footageDestroyedBy(Facts facts) {
        return wholeSecondUp(calendar.plusDaysExact(facts.end(), policy.retentionDays()).toInstant());
    }

    /**
     * Every date this clock gives is a whole second: the processes keep dates to the millisecond, the database to the
     * microsecond, and a case must show the very instant its timer waits for. Rounded up: never earlier than the rule.
     */
    private static Instant wholeSecondUp(Instant instant) {
        Instant down = instant.truncatedTo(ChronoUnit.SECONDS);
        return down.equals(instant) ? down : down.plusSeconds(1);
    }

    private ResponseDates responseDatesEndingOn(LocalDate lastDay) {
        Instant due = calendar.endOfDay(lastDay).toInstant();
        LocalDate reminderDay = calendar.previousWorkingDayFrom(lastDay.minusDays(policy.responseReminderDays()));
        return new ResponseDates(due, calendar.at(reminderDay, OFFICE_DAY_STARTS).toInstant());
    }

    public CasePolicy policy() {
        return policy;
    }

    public LegalCalendar calendar() {
        return calendar;
    }
}
