package fr.regard.calendar.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

// Every expected date and offset was checked with GNU date (TZ=Europe/Paris) before being written here.
class LegalCalendarTest {

    private final LegalCalendar calendar = new LegalCalendar();

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        // End of month clamping - art. 3(2)(c)
        "received 31 January 2025 → answer due Friday 28 February 2025                 | 2025-01-31T10:00:00Z | 1 | 2025-02-28",
        "received 31 January 2024 (leap year) → answer due Thursday 29 February 2024    | 2024-01-31T10:00:00Z | 1 | 2024-02-29",
        "received 31 January 2028 (leap year) → answer due Tuesday 29 February 2028     | 2028-01-31T10:00:00Z | 1 | 2028-02-29",
        "received 31 January 2026 → 28 February is a Saturday → due Monday 2 March 2026 | 2026-01-31T10:00:00Z | 1 | 2026-03-02",
        "received 29 January 2025 → no 29 February → answer due 28 February 2025        | 2025-01-29T10:00:00Z | 1 | 2025-02-28",
        "received 29 February 2024 + 12 months → answer due 28 February 2025            | 2024-02-29T10:00:00Z | 12 | 2025-02-28",
        "received 31 March 2025 → answer due Wednesday 30 April 2025                    | 2025-03-31T09:00:00Z | 1 | 2025-04-30",
        "received 31 May 2025 → answer due Monday 30 June 2025                          | 2025-05-31T09:00:00Z | 1 | 2025-06-30",
        "received 31 August 2025 → answer due Tuesday 30 September 2025                 | 2025-08-31T09:00:00Z | 1 | 2025-09-30",
        "received 31 October 2025 → 30 November is a Sunday → due Monday 1 December     | 2025-10-31T09:00:00Z | 1 | 2025-12-01",
        "received 31 January 2025 + 2 months → due 31 March 2025 (not 28 March)         | 2025-01-31T10:00:00Z | 2 | 2025-03-31",
        "received 30 November 2024 + 3 months → answer due Friday 28 February 2025      | 2024-11-30T10:00:00Z | 3 | 2025-02-28",
        "received 30 November 2027 + 3 months → answer due Tuesday 29 February 2028     | 2027-11-30T10:00:00Z | 3 | 2028-02-29",
        "received 30 November 2026 + 3 months → 28 February is a Sunday → due 1 March   | 2026-11-30T10:00:00Z | 3 | 2027-03-01",
        // Weekends and public holidays - art. 3(4)
        "received 15 January 2025 → 15 February is a Saturday → due Monday 17 February  | 2025-01-15T10:00:00Z | 1 | 2025-02-17",
        "received 16 February 2025 → 16 March is a Sunday → due Monday 17 March         | 2025-02-16T10:00:00Z | 1 | 2025-03-17",
        "received 1 April 2025 → 1 May (Fête du Travail) → due Friday 2 May 2025        | 2025-04-01T08:00:00Z | 1 | 2025-05-02",
        "received 6 March 2026 → 6 April is Easter Monday → due Tuesday 7 April 2026    | 2026-03-06T10:00:00Z | 1 | 2026-04-07",
        "received 25 April 2026 → 25 May is Whit Monday → due Tuesday 26 May 2026       | 2026-04-25T08:00:00Z | 1 | 2026-05-26",
        "received 14 June 2028 → Friday 14 July then weekend → due Monday 17 July 2028  | 2028-06-14T08:00:00Z | 1 | 2028-07-17",
        "received 1 October 2024 → Friday 1 November then weekend → due Monday 4 Nov.   | 2024-10-01T08:00:00Z | 1 | 2024-11-04",
        "received 15 July 2025 → Friday 15 August then weekend → due Monday 18 August   | 2025-07-15T08:00:00Z | 1 | 2025-08-18",
        "received 25 November 2026 → Friday 25 December then weekend → due Monday 28    | 2026-11-25T08:00:00Z | 1 | 2026-12-28",
        "received 19 March 2025 → Easter Saturday + Sunday + Monday → due Tuesday 22 April | 2025-03-19T10:00:00Z | 1 | 2025-04-22",
        "received 7 May 2025 → Pentecost Saturday + Sunday + Monday → due Tuesday 10 June | 2025-05-07T08:00:00Z | 1 | 2025-06-10",
        // Instants near midnight are dated in Paris - art. 3(1)
        "received 30 January 2025 23:30 UTC = 31 January in Paris → due 28 February     | 2025-01-30T23:30:00Z | 1 | 2025-02-28",
        "received 14 March 2025 23:30 UTC = Saturday 15 March in Paris → due Tue 15 April | 2025-03-14T23:30:00Z | 1 | 2025-04-15",
        "received 14 March 2025 22:30 UTC = 23:30 14 March in Paris → due Mon 14 April  | 2025-03-14T22:30:00Z | 1 | 2025-04-14",
        "received 31 December 2024 23:30 UTC = 1 January 2025 in Paris → due Mon 3 Feb  | 2024-12-31T23:30:00Z | 1 | 2025-02-03",
        "received 30 March 2025 22:30 UTC (summer time) = 31 March in Paris → due 30 April | 2025-03-30T22:30:00Z | 1 | 2025-04-30",
    })
    void month_periods(String scenario, Instant received, int months, LocalDate expectedLastDay) {
        assertThat(calendar.monthsPeriodLastDay(received, months)).isEqualTo(expectedLastDay);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "10 days from 10 April 2025 end on Easter Sunday 20 April when not extended     | 2025-04-10T08:00:00Z | 10 | false | 2025-04-20",
        "10 days from 10 April 2025 extended past Easter Sunday and Monday → Tue 22 April | 2025-04-10T08:00:00Z | 10 | true  | 2025-04-22",
        "14 days from 1 July 2025 end on Tuesday 15 July                                | 2025-07-01T08:00:00Z | 14 | true  | 2025-07-15",
        "15 days from 31 July 2025 end on Friday 15 August (Assomption) → Monday 18     | 2025-07-31T08:00:00Z | 15 | true  | 2025-08-18",
        "12 days from 20 December 2025 end on 1 January 2026 → Friday 2 January         | 2025-12-20T10:00:00Z | 12 | true  | 2026-01-02",
        "10 days from 30 January 2025 23:30 UTC (31 January in Paris) end Monday 10 February | 2025-01-30T23:30:00Z | 10 | false | 2025-02-10",
        "10 days from 30 January 2025 22:30 UTC (still 30 January in Paris) end Sunday 9 | 2025-01-30T22:30:00Z | 10 | false | 2025-02-09",
        "5 days from 13 July 2025 22:30 UTC (14 July in Paris) end Saturday 19 → Monday 21 | 2025-07-13T22:30:00Z | 5 | true | 2025-07-21",
        "14 days from 25 October 2025 23:30 UTC (DST Sunday in Paris) end Sunday 9 Nov → Monday 10 | 2025-10-25T23:30:00Z | 14 | true | 2025-11-10",
        "0 days from 1 May 2025 is 1 May itself                                         | 2025-05-01T10:00:00Z | 0 | false | 2025-05-01",
        "0 days from 1 May 2025 extended → Friday 2 May                                 | 2025-05-01T10:00:00Z | 0 | true  | 2025-05-02",
    })
    void day_periods(String scenario, Instant event, int days, boolean extend, LocalDate expectedLastDay) {
        assertThat(calendar.daysPeriodLastDay(event, days, extend)).isEqualTo(expectedLastDay);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "23:30 UTC in winter is already the next day in Paris        | 2025-01-30T23:30:00Z | 2025-01-31",
        "22:59:59 UTC in winter is still the same day in Paris       | 2025-01-30T22:59:59Z | 2025-01-30",
        "21:59:59 UTC in summer is the last second of the Paris day  | 2025-03-30T21:59:59Z | 2025-03-30",
        "22:00 UTC in summer is Paris midnight of the next day       | 2025-03-30T22:00:00Z | 2025-03-31",
        "23:30 UTC on 31 December is New Year's Day in Paris         | 2024-12-31T23:30:00Z | 2025-01-01",
    })
    void the_day_of_an_instant_is_its_paris_date(String scenario, Instant instant, LocalDate expected) {
        assertThat(calendar.dayOf(instant)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0} → working day: {1}; next working day {2}")
    @CsvSource({
        "2025-02-28, true,  2025-02-28",
        "2025-03-01, false, 2025-03-03",
        "2025-03-02, false, 2025-03-03",
        "2025-04-19, false, 2025-04-22",
        "2025-04-21, false, 2025-04-22",
        "2025-05-29, false, 2025-05-30",
        "2025-12-25, false, 2025-12-26",
        "2026-12-25, false, 2026-12-28",
        "2029-12-29, false, 2029-12-31",
        "2030-01-01, false, 2030-01-02",
    })
    void working_days(LocalDate date, boolean working, LocalDate nextWorkingDay) {
        assertThat(calendar.isWorkingDay(date)).isEqualTo(working);
        assertThat(calendar.nextWorkingDayFrom(date)).isEqualTo(nextWorkingDay);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "Saturday before spring DST change ends in winter time   | 2025-03-29 | 2025-03-29T23:59:59+01:00 | 2025-03-29T22:59:59Z",
        "spring DST Sunday 2025 ends in summer time              | 2025-03-30 | 2025-03-30T23:59:59+02:00 | 2025-03-30T21:59:59Z",
        "spring DST Sunday 2024 ends in summer time              | 2024-03-31 | 2024-03-31T23:59:59+02:00 | 2024-03-31T21:59:59Z",
        "Saturday before autumn DST change ends in summer time   | 2025-10-25 | 2025-10-25T23:59:59+02:00 | 2025-10-25T21:59:59Z",
        "autumn DST Sunday 2025 ends in winter time              | 2025-10-26 | 2025-10-26T23:59:59+01:00 | 2025-10-26T22:59:59Z",
        "autumn DST Sunday 2027 ends in winter time              | 2027-10-31 | 2027-10-31T23:59:59+01:00 | 2027-10-31T22:59:59Z",
        "a July deadline ends at 23:59:59 summer time            | 2025-07-14 | 2025-07-14T23:59:59+02:00 | 2025-07-14T21:59:59Z",
        "a January deadline ends at 23:59:59 winter time         | 2025-01-15 | 2025-01-15T23:59:59+01:00 | 2025-01-15T22:59:59Z",
    })
    void a_deadline_expires_at_the_last_second_of_the_paris_day(String scenario, LocalDate date,
            OffsetDateTime expected, Instant expectedInstant) {
        OffsetDateTime end = calendar.endOfDay(date);

        assertThat(end).isEqualTo(expected);
        assertThat(end.getOffset()).isEqualTo(expected.getOffset());
        assertThat(end.toInstant()).isEqualTo(expectedInstant);
        assertThat(end.getNano()).isZero();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "footage of 20 March 2025 10:00 kept 14 days across spring DST: 335 hours      | 2025-03-20T09:00:00Z | 14 | 2025-04-03T10:00+02:00 | 335",
        "footage of 25 March 2024 08:00 kept 14 days across spring DST: 335 hours      | 2024-03-25T07:00:00Z | 14 | 2024-04-08T08:00+02:00 | 335",
        "footage of 20 October 2025 10:00 kept 14 days across autumn DST: 337 hours    | 2025-10-20T08:00:00Z | 14 | 2025-11-03T10:00+01:00 | 337",
        "footage of 25 October 2027 09:00 kept 14 days across autumn DST: 337 hours    | 2027-10-25T07:00:00Z | 14 | 2027-11-08T09:00+01:00 | 337",
        "footage of 1 June 2025 12:00 kept 14 days without DST change: 336 hours       | 2025-06-01T10:00:00Z | 14 | 2025-06-15T12:00+02:00 | 336",
        "footage at 02:30 landing in the spring gap moves to 03:30 summer time         | 2025-03-16T01:30:00Z | 14 | 2025-03-30T03:30+02:00 | 336",
        "footage at 02:30 landing in the autumn overlap keeps summer time (first 02:30) | 2025-10-12T00:30:00Z | 14 | 2025-10-26T02:30+02:00 | 336",
        "footage of 30 January 2025 23:30 UTC is 31 January 00:30 in Paris             | 2025-01-30T23:30:00Z | 14 | 2025-02-14T00:30+01:00 | 336",
        "zero days is the start itself                                                  | 2025-03-30T01:30:00Z | 0  | 2025-03-30T03:30+02:00 | 0",
    })
    void retention_horizon_keeps_the_paris_wall_time(String scenario, Instant start, int days,
            OffsetDateTime expected, long expectedHours) {
        OffsetDateTime horizon = calendar.plusDaysExact(start, days);

        assertThat(horizon).isEqualTo(expected);
        assertThat(horizon.getOffset()).isEqualTo(expected.getOffset());
        assertThat(Duration.between(start, horizon.toInstant()).toHours()).isEqualTo(expectedHours);
    }

    @Test
    @DisplayName("the calendar uses the holidays it is given")
    void uses_the_injected_holidays() {
        LegalCalendar withOwnHolidays = new LegalCalendar(new FrenchPublicHolidays());

        assertThat(withOwnHolidays.isWorkingDay(LocalDate.of(2025, 7, 14))).isFalse();
        assertThat(LegalCalendar.PARIS.getId()).isEqualTo("Europe/Paris");
    }

    @Test
    @DisplayName("negative periods are rejected")
    void negative_periods_are_rejected() {
        Instant event = Instant.parse("2025-01-31T10:00:00Z");

        assertThatIllegalArgumentException().isThrownBy(() -> calendar.monthsPeriodLastDay(event, -1))
                .withMessageContaining("months");
        assertThatIllegalArgumentException().isThrownBy(() -> calendar.daysPeriodLastDay(event, -1, true))
                .withMessageContaining("days");
        assertThatIllegalArgumentException().isThrownBy(() -> calendar.plusDaysExact(event, -14))
                .withMessageContaining("days");
    }

    @Test
    @DisplayName("missing arguments are rejected with the argument's name")
    void null_arguments_are_rejected() {
        assertThatNullPointerException().isThrownBy(() -> new LegalCalendar(null)).withMessageContaining("holidays");
        assertThatNullPointerException().isThrownBy(() -> calendar.dayOf(null)).withMessageContaining("instant");
        assertThatNullPointerException().isThrownBy(() -> calendar.isWorkingDay(null)).withMessageContaining("date");
        assertThatNullPointerException().isThrownBy(() -> calendar.nextWorkingDayFrom(null)).withMessageContaining("date");
        assertThatNullPointerException().isThrownBy(() -> calendar.monthsPeriodLastDay(null, 1)).withMessageContaining("event");
        assertThatNullPointerException().isThrownBy(() -> calendar.daysPeriodLastDay(null, 1, true)).withMessageContaining("event");
        assertThatNullPointerException().isThrownBy(() -> calendar.endOfDay(null)).withMessageContaining("date");
        assertThatNullPointerException().isThrownBy(() -> calendar.plusDaysExact(null, 14)).withMessageContaining("start");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "a working day stays                       | 2025-05-07 | 2025-05-07",
        "8 May (Victoire 1945) → Wednesday 7 May    | 2025-05-08 | 2025-05-07",
        "Sunday → Friday                            | 2026-03-01 | 2026-02-27",
        "Easter Monday 2026 → Friday 3 April        | 2026-04-06 | 2026-04-03",
    })
    @DisplayName("a reminder due on a day off moves to the working day before")
    void previous_working_day(String scenario, LocalDate date, LocalDate expected) {
        assertThat(calendar.previousWorkingDayFrom(date)).isEqualTo(expected);
    }

    @Test
    @DisplayName("a Paris wall-clock time of a date carries that date's offset")
    void wall_clock_time() {
        assertThat(calendar.at(LocalDate.of(2026, 12, 21), java.time.LocalTime.of(8, 0)))
                .isEqualTo(OffsetDateTime.parse("2026-12-21T08:00:00+01:00"));
        assertThat(calendar.at(LocalDate.of(2026, 6, 22), java.time.LocalTime.of(8, 0)))
                .isEqualTo(OffsetDateTime.parse("2026-06-22T08:00:00+02:00"));
    }
}
