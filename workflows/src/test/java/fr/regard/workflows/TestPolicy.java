package fr.regard.workflows;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.Period;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Date;

/**
 * The dates the application would compute from the policy, simplified for the process tests (no public holidays:
 * the real arithmetic is the legal calendar's, tested in {@code ejb}). The processes only ever see the results.
 */
final class TestPolicy {

    static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    /** GDPR art. 12(3): one month to answer. */
    static final Period RESPONSE = Period.ofMonths(1);
    /** GDPR art. 12(3): two more months, only if decided inside the first. */
    static final Period EXTENSION = Period.ofMonths(2);
    /** Policy: the DPO is reminded a week before the due date. */
    static final Duration RESPONSE_REMINDER_LEAD = Duration.ofDays(7);
    /** Policy: the requester is reminded after 10 days, the case closed after 15 (décret 2019-536). */
    static final Duration COMPLEMENT_REMINDER = Duration.ofDays(10);
    static final Duration COMPLEMENT_PERIOD = Duration.ofDays(15);
    /** Policy: the download link lives 30 days. */
    static final Duration DELIVERY = Duration.ofDays(30);
    /** Policy: a closed case's personal data are kept one year. */
    static final Period CASE_RETENTION = Period.ofYears(1);

    /** A day ends at 23:59:59 in Paris (Date keeps milliseconds only). */
    private static final LocalTime END_OF_DAY = LocalTime.of(23, 59, 59);

    private TestPolicy() {
    }

    /** The last moment of the day one month after receipt, in Paris. */
    static Instant responseDueFor(Instant receivedAt) {
        return endOfDay(receivedAt.atZone(PARIS).plus(RESPONSE));
    }

    static Instant extended(Instant responseDue) {
        return endOfDay(responseDue.atZone(PARIS).plus(EXTENSION));
    }

    static Instant reminderBefore(Instant responseDue) {
        return responseDue.minus(RESPONSE_REMINDER_LEAD);
    }

    static Instant purgeAfter(Instant closedAt) {
        return closedAt.atZone(PARIS).plus(CASE_RETENTION).toInstant();
    }

    static Instant day(Instant origin, int days) {
        return origin.plus(Duration.ofDays(days));
    }

    static Date date(Instant instant) {
        return Date.from(instant);
    }

    private static Instant endOfDay(ZonedDateTime day) {
        return day.with(END_OF_DAY).toInstant();
    }
}
