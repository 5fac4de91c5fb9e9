package fr.regard.calendar.domain;

import java.time.LocalDate;
import java.time.Month;
import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * The eleven national public holidays (jours fériés, Code du travail art. L3133-1) of metropolitan
 * France. Alsace-Moselle's extra days (Good Friday, 26 December) and overseas holidays are not
 * included: the city applies the national list.
 *
 * <p>The current list is applied to every supported year; this is a deadline calculator, not a
 * historical record. Years before 1583 are rejected because the Gregorian computus does not apply.
 *
 * <p>Thread-safe: each year is computed once and cached as an immutable map.
 */
public final class FrenchPublicHolidays {

    /** First full year of the Gregorian calendar, for which the Easter algorithm is valid. */
    private static final int FIRST_GREGORIAN_YEAR = 1583;

    private final ConcurrentMap<Integer, SortedMap<LocalDate, String>> byYear = new ConcurrentHashMap<>();

    /** Whether the date is one of the national public holidays. */
    public boolean isHoliday(LocalDate date) {
        Objects.requireNonNull(date, "date must not be null");
        return holidayNames(date.getYear()).containsKey(date);
    }

    /**
     * The public holidays of the year, in date order, unmodifiable. Usually 11 dates; 10 in the
     * years where Ascension falls on 1 May or 8 May.
     */
    public Set<LocalDate> holidaysOf(int year) {
        return holidayNames(year).keySet();
    }

    /** The French name of the holiday on that date, e.g. "Lundi de Pâques"; empty if none. */
    public Optional<String> nameOf(LocalDate date) {
        Objects.requireNonNull(date, "date must not be null");
        return Optional.ofNullable(holidayNames(date.getYear()).get(date));
    }

    /**
     * Easter Sunday in the Gregorian calendar (anonymous Gregorian algorithm, as given by Meeus,
     * <i>Astronomical Algorithms</i>, ch. 8). Package-private: only the derived holidays are API.
     */
    static LocalDate easterSunday(int year) {
        requireGregorian(year);
        int a = year % 19;
        int b = year / 100;
        int c = year % 100;
        int d = b / 4;
        int e = b % 4;
        int f = (b + 8) / 25;
        int g = (b - f + 1) / 3;
        int h = (19 * a + b - d - g + 15) % 30;
        int i = c / 4;
        int k = c % 4;
        int l = (32 + 2 * e + 2 * i - h - k) % 7;
        int m = (a + 11 * h + 22 * l) / 451;
        int month = (h + l - 7 * m + 114) / 31;
        int day = (h + l - 7 * m + 114) % 31 + 1;
        return LocalDate.of(year, month, day);
    }

    private SortedMap<LocalDate, String> holidayNames(int year) {
        requireGregorian(year);
        // computeIfAbsent is atomic on ConcurrentHashMap, and the computation has no side effects.
        return byYear.computeIfAbsent(year, FrenchPublicHolidays::compute);
    }

    private static SortedMap<LocalDate, String> compute(int year) {
        LocalDate easter = easterSunday(year);
        SortedMap<LocalDate, String> names = new TreeMap<>();
        add(names, LocalDate.of(year, Month.JANUARY, 1), "Jour de l'an");
        add(names, easter.plusDays(1), "Lundi de Pâques");
        add(names, LocalDate.of(year, Month.MAY, 1), "Fête du Travail");
        add(names, LocalDate.of(year, Month.MAY, 8), "Victoire 1945");
        add(names, easter.plusDays(39), "Ascension");
        add(names, easter.plusDays(50), "Lundi de Pentecôte");
        add(names, LocalDate.of(year, Month.JULY, 14), "Fête nationale");
        add(names, LocalDate.of(year, Month.AUGUST, 15), "Assomption");
        add(names, LocalDate.of(year, Month.NOVEMBER, 1), "Toussaint");
        add(names, LocalDate.of(year, Month.NOVEMBER, 11), "Armistice 1918");
        add(names, LocalDate.of(year, Month.DECEMBER, 25), "Noël");
        return Collections.unmodifiableSortedMap(names);
    }

    /** Ascension can coincide with 1 or 8 May (e.g. 2008, 1997): keep both names. */
    private static void add(Map<LocalDate, String> names, LocalDate date, String name) {
        names.merge(date, name, (first, second) -> first + " et " + second);
    }

    private static void requireGregorian(int year) {
        if (year < FIRST_GREGORIAN_YEAR) {
            throw new IllegalArgumentException(
                    "year must be " + FIRST_GREGORIAN_YEAR + " or later (Gregorian calendar), was " + year);
        }
    }
}
