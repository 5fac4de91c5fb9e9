package fr.regard.calendar.domain;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.Objects;

/**
 * Legal deadlines computed on the Paris calendar, following Regulation (EEC, Euratom) No 1182/71
 * (periods, dates and time limits), article 3, for periods expressed in days and in calendar
 * months.
 *
 * <p>Every instant is first turned into its Europe/Paris date: a request received at 23:30 UTC in
 * winter is received the next day for the city, and the deadline follows from that day.
 *
 * <p>Not implemented: periods in hours (art. 3(1) first subparagraph, 3(2)(a)), in working days,
 * and the art. 3(5) rule that a period of two days or more includes at least two working days.
 */
public final class LegalCalendar {

    public static final ZoneId PARIS = ZoneId.of("Europe/Paris");

    /** Art. 3(2): a period ends "with the expiry of the last hour" of its last day; we keep whole seconds. */
    private static final LocalTime LAST_SECOND_OF_DAY = LocalTime.of(23, 59, 59);

    private final FrenchPublicHolidays holidays;

    public LegalCalendar() {
        this(new FrenchPublicHolidays());
    }

    public LegalCalendar(FrenchPublicHolidays holidays) {
        this.holidays = Objects.requireNonNull(holidays, "holidays must not be null");
    }

    /** The Paris calendar date on which the instant occurs. */
    public LocalDate dayOf(Instant instant) {
        Objects.requireNonNull(instant, "instant must not be null");
        return LocalDate.ofInstant(instant, PARIS);
    }

    /** Art. 3(4): working days are all days other than Saturdays, Sundays and public holidays. */
    public boolean isWorkingDay(LocalDate date) {
        Objects.requireNonNull(date, "date must not be null");
        DayOfWeek dayOfWeek = date.getDayOfWeek();
        return dayOfWeek != DayOfWeek.SATURDAY
                && dayOfWeek != DayOfWeek.SUNDAY
                && !holidays.isHoliday(date);
    }

    /** Art. 3(4): a period ending on a non-working day ends on the following working day. */
    public LocalDate nextWorkingDayFrom(LocalDate date) {
        Objects.requireNonNull(date, "date must not be null");
        LocalDate day = date;
        while (!isWorkingDay(day)) {
            day = day.plusDays(1);
        }
        return day;
    }

    /**
     * The working day on or before {@code date}: where a reminder must come before a day off, it moves earlier,
     * never later (a reminder is useful only ahead of its deadline).
     */
    public LocalDate previousWorkingDayFrom(LocalDate date) {
        Objects.requireNonNull(date, "date must not be null");
        LocalDate day = date;
        while (!isWorkingDay(day)) {
            day = day.minusDays(1);
        }
        return day;
    }

    /**
     * Last day of a period of {@code months} calendar months running from {@code event}.
     *
     * <p>Art. 3(1): the event day is not counted. Art. 3(2)(c): the period ends on the day of the
     * last month bearing the event day's date number, or on that month's last day when it has no
     * such date (31 January + 1 month: 28 or 29 February). {@link LocalDate#plusMonths} clamps in
     * exactly that way. Art. 3(4): a non-working last day moves to the next working day.
     */
    public LocalDate monthsPeriodLastDay(Instant event, int months) {
        Objects.requireNonNull(event, "event must not be null");
        requireNotNegative(months, "months");
        return nextWorkingDayFrom(dayOf(event).plusMonths(months));
    }

    /**
     * Last day of a period of {@code days} calendar days running from {@code event}.
     *
     * <p>Art. 3(1) and 3(2)(b): the event day is not counted, so the period ends on event day +
     * days. Art. 3(3): Saturdays, Sundays and holidays inside the period count. Art. 3(4), applied
     * only when {@code extendToWorkingDay}: a non-working last day moves to the next working day.
     */
    public LocalDate daysPeriodLastDay(Instant event, int days, boolean extendToWorkingDay) {
        Objects.requireNonNull(event, "event must not be null");
        requireNotNegative(days, "days");
        LocalDate lastDay = dayOf(event).plusDays(days);
        return extendToWorkingDay ? nextWorkingDayFrom(lastDay) : lastDay;
    }

    /**
     * The expiry of the last hour of the date in Paris (art. 3(2)), as 23:59:59 with that date's
     * offset: +01:00 in winter, +02:00 in summer, including on the changeover Sundays.
     */
    public OffsetDateTime endOfDay(LocalDate date) {
        Objects.requireNonNull(date, "date must not be null");
        // 23:59:59 is never in a Paris DST gap or overlap (both are at night, 02:00-03:00).
        return date.atTime(LAST_SECOND_OF_DAY).atZone(PARIS).toOffsetDateTime();
    }

    /**
     * The Paris wall-clock {@code time} of {@code date}, with that date's offset. A time inside the spring gap is
     * moved forward by the gap ({@link java.time.ZonedDateTime#of}).
     */
    public OffsetDateTime at(LocalDate date, LocalTime time) {
        Objects.requireNonNull(date, "date must not be null");
        Objects.requireNonNull(time, "time must not be null");
        return date.atTime(time).atZone(PARIS).toOffsetDateTime();
    }

    /**
     * {@code start} plus {@code days} calendar days at the same Paris wall-clock time, e.g. the
     * 14-day footage retention horizon. Across a DST change the elapsed time is therefore one hour
     * shorter (March) or longer (October) than {@code days} x 24 h. If the wall time does not exist
     * on the target day (spring gap) it is moved forward by the gap; if it occurs twice (autumn
     * overlap) the offset of {@code start} is kept when valid ({@link java.time.ZonedDateTime#plusDays}).
     */
    public OffsetDateTime plusDaysExact(Instant start, int days) {
        Objects.requireNonNull(start, "start must not be null");
        requireNotNegative(days, "days");
        return start.atZone(PARIS).plusDays(days).toOffsetDateTime();
    }

    private static void requireNotNegative(int value, String name) {
        if (value < 0) {
            throw new IllegalArgumentException(name + " must not be negative, was " + value);
        }
    }
}
