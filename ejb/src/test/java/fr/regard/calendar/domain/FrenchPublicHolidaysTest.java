package fr.regard.calendar.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

// Expected dates checked against python-dateutil's easter() and GNU date (weekdays).
class FrenchPublicHolidaysTest {

    private final FrenchPublicHolidays holidays = new FrenchPublicHolidays();

    @ParameterizedTest(name = "{0}: Easter {1}, Easter Monday {2}, Ascension {3}, Whit Monday {4}")
    @CsvSource({
        "2024, 2024-03-31, 2024-04-01, 2024-05-09, 2024-05-20",
        "2025, 2025-04-20, 2025-04-21, 2025-05-29, 2025-06-09",
        "2026, 2026-04-05, 2026-04-06, 2026-05-14, 2026-05-25",
        "2027, 2027-03-28, 2027-03-29, 2027-05-06, 2027-05-17",
        "2028, 2028-04-16, 2028-04-17, 2028-05-25, 2028-06-05",
        "2029, 2029-04-01, 2029-04-02, 2029-05-10, 2029-05-21",
        "2030, 2030-04-21, 2030-04-22, 2030-05-30, 2030-06-10",
        // Extremes of the Easter range: earliest possible date, and latest possible date.
        "2285, 2285-03-22, 2285-03-23, 2285-04-30, 2285-05-11",
        "2038, 2038-04-25, 2038-04-26, 2038-06-03, 2038-06-14",
    })
    void moveable_holidays_follow_easter(int year, LocalDate easter, LocalDate easterMonday,
            LocalDate ascension, LocalDate whitMonday) {
        assertThat(FrenchPublicHolidays.easterSunday(year)).isEqualTo(easter);
        assertThat(holidays.isHoliday(easter)).as("Easter Sunday itself is not in the list").isFalse();
        assertThat(holidays.nameOf(easterMonday)).contains("Lundi de Pâques");
        assertThat(holidays.nameOf(ascension)).contains("Ascension");
        assertThat(holidays.nameOf(whitMonday)).contains("Lundi de Pentecôte");
    }

    @ParameterizedTest(name = "{0} has 11 public holidays, in date order")
    @CsvSource({
        "2024, 2024-04-01, 2024-05-09, 2024-05-20",
        "2025, 2025-04-21, 2025-05-29, 2025-06-09",
        "2026, 2026-04-06, 2026-05-14, 2026-05-25",
        "2027, 2027-03-29, 2027-05-06, 2027-05-17",
        "2028, 2028-04-17, 2028-05-25, 2028-06-05",
        "2029, 2029-04-02, 2029-05-10, 2029-05-21",
        "2030, 2030-04-22, 2030-05-30, 2030-06-10",
    })
    void a_year_has_the_eleven_national_holidays(int year, LocalDate easterMonday, LocalDate ascension,
            LocalDate whitMonday) {
        Set<LocalDate> actual = holidays.holidaysOf(year);

        assertThat(List.copyOf(actual)).isSorted();
        assertThat(actual).containsExactlyInAnyOrder(
                LocalDate.of(year, 1, 1),
                easterMonday,
                LocalDate.of(year, 5, 1),
                LocalDate.of(year, 5, 8),
                ascension,
                whitMonday,
                LocalDate.of(year, 7, 14),
                LocalDate.of(year, 8, 15),
                LocalDate.of(year, 11, 1),
                LocalDate.of(year, 11, 11),
                LocalDate.of(year, 12, 25));
    }

    @ParameterizedTest(name = "{0} is \"{1}\"")
    @CsvSource({
        "2025-01-01, Jour de l'an",
        "2026-05-01, Fête du Travail",
        "2027-05-08, Victoire 1945",
        "2028-07-14, Fête nationale",
        "2029-08-15, Assomption",
        "2030-11-01, Toussaint",
        "2024-11-11, Armistice 1918",
        "2025-12-25, Noël",
    })
    void fixed_holidays_have_their_french_name(LocalDate date, String name) {
        assertThat(holidays.isHoliday(date)).isTrue();
        assertThat(holidays.nameOf(date)).contains(name);
    }

    @ParameterizedTest(name = "{0} ({1}) is not a national public holiday")
    @CsvSource({
        "2025-04-18, Good Friday - Alsace-Moselle only",
        "2025-12-26, Saint Stephen - Alsace-Moselle only",
        "2025-06-08, Pentecost Sunday",
        "2025-01-02, ordinary day",
        "2025-07-13, eve of Bastille Day",
    })
    void other_days_are_not_holidays(LocalDate date, String description) {
        assertThat(holidays.isHoliday(date)).isFalse();
        assertThat(holidays.nameOf(date)).isEmpty();
    }

    @ParameterizedTest(name = "{0}: Ascension on {1} also named \"{2}\", year has 10 holiday dates")
    @CsvSource({
        "2008, 2008-05-01, Fête du Travail et Ascension",
        "1997, 1997-05-08, Victoire 1945 et Ascension",
    })
    void ascension_coinciding_with_a_fixed_holiday_keeps_both_names(int year, LocalDate date, String name) {
        assertThat(holidays.nameOf(date)).contains(name);
        assertThat(holidays.holidaysOf(year)).hasSize(10);
    }

    @Test
    @DisplayName("the holidays of a year are computed once and cannot be modified")
    void holidays_of_a_year_are_cached_and_unmodifiable() {
        Set<LocalDate> first = holidays.holidaysOf(2025);

        assertThat(holidays.holidaysOf(2025)).isSameAs(first);
        assertThatThrownBy(() -> first.add(LocalDate.of(2025, 12, 26)))
                .isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    @DisplayName("concurrent callers asking for the same year all get the same cached set")
    void cache_is_shared_between_threads() {
        FrenchPublicHolidays fresh = new FrenchPublicHolidays();

        List<Set<LocalDate>> results = IntStream.range(0, 200).parallel()
                .mapToObj(i -> fresh.holidaysOf(2026))
                .toList();

        assertThat(results).allSatisfy(set -> assertThat(set).isSameAs(results.get(0)));
    }

    @ParameterizedTest(name = "year {0} is before the Gregorian calendar and is rejected")
    @ValueSource(ints = {1582, 1000, 0, -1})
    void years_before_the_gregorian_calendar_are_rejected(int year) {
        assertThatThrownBy(() -> holidays.holidaysOf(year))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("1583");
    }

    @Test
    @DisplayName("a missing date is a programming error")
    void null_date_is_rejected() {
        assertThatNullPointerException().isThrownBy(() -> holidays.isHoliday(null)).withMessageContaining("date");
        assertThatNullPointerException().isThrownBy(() -> holidays.nameOf(null)).withMessageContaining("date");
    }
}
