package fr.regard.cases.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.regard.calendar.domain.LegalCalendar;
import java.time.OffsetDateTime;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class CaseClockTest {

    private final CaseClock clock = new CaseClock(CasePolicy.DEFAULT, new LegalCalendar());

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            facts Friday 20 Nov 2026, received Wednesday 25 Nov | 2026-11-20T14:30:00+01:00 | 2026-11-20T15:00:00+01:00 | 2026-11-25T10:00:00+01:00 | 2026-11-30T23:59:59+01:00 | 2026-12-04T14:30:00+01:00 | 2026-12-28T23:59:59+01:00
            received 31 January 2025: answer due 28 February     | 2025-01-27T09:00:00+01:00 | 2025-01-27T09:10:00+01:00 | 2025-01-31T12:00:00+01:00 | 2025-02-04T23:59:59+01:00 | 2025-02-10T09:00:00+01:00 | 2025-02-28T23:59:59+01:00
            facts across the spring DST change                     | 2026-03-20T22:00:00+01:00 | 2026-03-20T23:00:00+01:00 | 2026-03-22T08:00:00+01:00 | 2026-03-30T23:59:59+02:00 | 2026-04-03T22:00:00+02:00 | 2026-04-22T23:59:59+02:00
            """)
    @DisplayName("deadlines of a case, in Europe/Paris")
    void deadlines(String scenario, String start, String end, String received,
                   String charterWindowEnd, String preservationDeadline, String responseDue) {
        Facts facts = new Facts(OffsetDateTime.parse(start).toInstant(), OffsetDateTime.parse(end).toInstant(), "Lille", null);
        CaseDeadlines deadlines = clock.deadlinesFor(facts, OffsetDateTime.parse(received).toInstant());
        assertThat(deadlines.charterWindowEnd()).isEqualTo(OffsetDateTime.parse(charterWindowEnd).toInstant());
        assertThat(deadlines.preservationDeadline()).isEqualTo(OffsetDateTime.parse(preservationDeadline).toInstant());
        assertThat(deadlines.responseDue()).isEqualTo(OffsetDateTime.parse(responseDue).toInstant());
    }

    @Test
    @DisplayName("a retention above one month is refused (CSI L252-5)")
    void retentionBounded() {
        assertThatThrownBy(() -> CasePolicy.builder().retentionDays(32).build()).hasMessageContaining("L252-5");
        assertThat(CasePolicy.builder().retentionDays(31).build().retentionDays()).isEqualTo(31);
        assertThatThrownBy(() -> CasePolicy.builder().extensionMonths(3).build()).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> CasePolicy.builder().filingWindowDays(0).build()).isInstanceOf(IllegalArgumentException.class);
    }

    private static java.time.Instant at(String text) {
        return OffsetDateTime.parse(text).toInstant();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            received Wed 25 Nov 2026: due Mon 28 Dec, reminded Mon 21 Dec at 08:00              | 2026-11-25T10:00:00+01:00 | 2026-12-28T23:59:59+01:00 | 2026-12-21T08:00:00+01:00
            received 15 Apr 2025: due Thu 15 May; 8 May is a holiday: reminded Wed 7 May        | 2025-04-15T10:00:00+02:00 | 2025-05-15T23:59:59+02:00 | 2025-05-07T08:00:00+02:00
            """)
    @DisplayName("the DPO is reminded 7 days before the due date, on a working day, at the start of the office day")
    void responseReminder(String scenario, String received, String due, String reminder) {
        Facts facts = new Facts(at(received).minusSeconds(7200), at(received).minusSeconds(3600), "Lille", null);
        CaseDeadlines deadlines = clock.deadlinesFor(facts, at(received));
        assertThat(deadlines.responseDue()).isEqualTo(at(due));
        assertThat(deadlines.responseReminderAt()).isEqualTo(at(reminder));
    }

    @Test
    @DisplayName("the extension adds two months to the current due date (28 Feb 2027 is a Sunday: Monday 1 March)")
    void extension() {
        ResponseDates extended = clock.extended(at("2026-12-28T23:59:59+01:00"));
        assertThat(extended.responseDue()).isEqualTo(at("2027-03-01T23:59:59+01:00"));
        assertThat(extended.reminderAt()).isEqualTo(at("2027-02-22T08:00:00+01:00"));
    }

    @Test
    @DisplayName("a complement: reminder after 10 days, deadline at the end of the 15th day")
    void complement() {
        ComplementDates dates = clock.complementFrom(at("2026-11-25T10:00:00+01:00"));
        assertThat(dates.reminderAt()).isEqualTo(at("2026-12-05T10:00:00+01:00"));
        assertThat(dates.deadline()).isEqualTo(at("2026-12-10T23:59:59+01:00"));
    }

    @Test
    @DisplayName("paused with 33 days left: due 33 days after the complement deadline, or after the complement's arrival")
    void pauseAndResume() {
        int daysLeft = clock.daysLeft(at("2026-11-25T10:00:00+01:00"), at("2026-12-28T23:59:59+01:00"));
        assertThat(daysLeft).isEqualTo(33);
        assertThat(clock.whilePaused(at("2026-12-10T23:59:59+01:00"), daysLeft).responseDue())
                .isEqualTo(at("2027-01-12T23:59:59+01:00"));
        // 1 Dec + 33 days = Sunday 3 January 2027: the period ends on Monday 4 January.
        assertThat(clock.resumed(at("2026-12-01T09:00:00+01:00"), daysLeft).responseDue())
                .isEqualTo(at("2027-01-04T23:59:59+01:00"));
        assertThat(clock.daysLeft(at("2027-01-05T10:00:00+01:00"), at("2026-12-28T23:59:59+01:00")))
                .as("an overdue case has no time left, never negative").isZero();
    }

    @Test
    @DisplayName("delivery for 30 days, personal data kept a year after closure, footage gone 14 days after the facts")
    void laterDates() {
        assertThat(clock.deliveryExpiry(at("2026-11-25T10:00:00+01:00"))).isEqualTo(at("2026-12-25T23:59:59+01:00"));
        assertThat(clock.personalDataPurge(at("2026-11-25T10:00:00+01:00"))).isEqualTo(at("2027-11-25T23:59:59+01:00"));
        Facts facts = new Facts(at("2026-11-20T14:30:00+01:00"), at("2026-11-20T15:00:00+01:00"), "Lille", null);
        assertThat(clock.footageDestroyedBy(facts)).isEqualTo(at("2026-12-04T15:00:00+01:00"));
    }

    @Test
    @DisplayName("dates that timers wait for are whole seconds, as the process keeps them (milliseconds) and the case")
    void wholeSeconds() {
        assertThat(clock.complementFrom(at("2026-11-25T10:00:00.123456+01:00")).reminderAt())
                .isEqualTo(at("2026-12-05T10:00:00+01:00"));
        Facts facts = new Facts(at("2026-11-20T14:30:00+01:00"), at("2026-11-20T15:00:00.000250+01:00"), "Lille", null);
        assertThat(clock.footageDestroyedBy(facts)).isEqualTo(at("2026-12-04T15:00:01+01:00"));
    }
}
