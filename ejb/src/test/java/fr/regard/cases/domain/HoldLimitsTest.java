package fr.regard.cases.domain;

import static org.assertj.core.api.Assertions.assertThat;

import fr.regard.calendar.domain.LegalCalendar;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The limits of holds come from the policy, through the clock (docs/archive.md "Holds"). */
class HoldLimitsTest {

    private final LegalCalendar calendar = new LegalCalendar();
    private final CaseClock clock = new CaseClock(CasePolicy.DEFAULT, calendar);

    @Test
    @DisplayName("a case hold lasts at most the longest answer (1 + 2 months from receipt) and the delivery (30 days)")
    void caseHoldLimit() {
        Instant received = ZonedDateTime.parse("2026-01-15T10:00:00+01:00[Europe/Paris]").toInstant();
        // 15 Jan + 1 month = Sun 15 Feb, moved to Mon 16 Feb; + 2 months = Thu 16 Apr; + 30 days = Sat 16 May 2026
        // (a delivery is not moved off a day off)
        Instant limit = clock.caseHoldLimit(received);
        assertThat(calendar.dayOf(limit)).isEqualTo(LocalDate.of(2026, 5, 16));
        assertThat(limit).isEqualTo(clock.deliveryExpiry(clock.extended(clock.deadlinesFor(
                new Facts(received, received, "Place", null), received).responseDue()).responseDue()));
    }

    @Test
    @DisplayName("a shorter extension in the policy shortens the case hold limit")
    void followsPolicy() {
        CaseClock noExtension = new CaseClock(CasePolicy.builder().extensionMonths(0).deliveryDays(10).build(), calendar);
        Instant received = ZonedDateTime.parse("2026-01-15T10:00:00+01:00[Europe/Paris]").toInstant();
        assertThat(calendar.dayOf(noExtension.caseHoldLimit(received))).isEqualTo(LocalDate.of(2026, 2, 26));
    }

    @Test
    @DisplayName("a judicial hold is reviewed six months later at the same Paris wall time, across daylight saving")
    void judicialReview() {
        Instant placed = ZonedDateTime.parse("2026-03-10T10:00:00+01:00[Europe/Paris]").toInstant();
        assertThat(clock.judicialHoldReview(placed))
                .isEqualTo(ZonedDateTime.parse("2026-09-10T10:00:00+02:00[Europe/Paris]").toInstant());
    }
}
