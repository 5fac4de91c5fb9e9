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
        assertThatThrownBy(() -> new CasePolicy(8, 32, 1, 2)).hasMessageContaining("L252-5");
        assertThat(new CasePolicy(8, 31, 1, 2).retentionDays()).isEqualTo(31);
        assertThatThrownBy(() -> new CasePolicy(8, 14, 1, 3)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new CasePolicy(0, 14, 1, 2)).isInstanceOf(IllegalArgumentException.class);
    }
}
