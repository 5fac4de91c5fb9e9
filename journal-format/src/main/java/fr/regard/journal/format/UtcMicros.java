package fr.regard.journal.format;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;

/**
 * The time format of journal entries: UTC, microsecond precision, always 27 ASCII characters
 * {@code yyyy-MM-ddTHH:mm:ss.ffffffZ} (years 0000..9999, no leap second), e.g. {@code 2026-11-25T20:45:23.127509Z}.
 * Parsing works on bytes without allocating, for the verifier's hot path; values are epoch microseconds.
 */
final class UtcMicros {

    /** Length in bytes of every time string. */
    static final int LENGTH = 27;
    /** Returned by {@link #parse} for anything that is not a valid time string. */
    static final long INVALID = Long.MIN_VALUE;

    static final Instant MIN = Instant.parse("0000-01-01T00:00:00Z");
    static final Instant MAX = Instant.parse("9999-12-31T23:59:59.999999Z");

    private UtcMicros() {
    }

    /** Whether the instant can be written: years 0000..9999 and no digit below the microsecond. */
    static boolean isRepresentable(Instant instant) {
        return !instant.isBefore(MIN) && !instant.isAfter(MAX) && instant.getNano() % 1000 == 0;
    }

    static Instant truncate(Instant instant) {
        return instant.truncatedTo(ChronoUnit.MICROS);
    }

    /** Appends the 27-byte time string of a representable instant. */
    static void append(ByteSink out, Instant instant) {
        LocalDateTime t = LocalDateTime.ofEpochSecond(instant.getEpochSecond(), instant.getNano(), ZoneOffset.UTC);
        digits(out, t.getYear(), 4);
        out.write('-');
        digits(out, t.getMonthValue(), 2);
        out.write('-');
        digits(out, t.getDayOfMonth(), 2);
        out.write('T');
        digits(out, t.getHour(), 2);
        out.write(':');
        digits(out, t.getMinute(), 2);
        out.write(':');
        digits(out, t.getSecond(), 2);
        out.write('.');
        digits(out, t.getNano() / 1000, 6);
        out.write('Z');
    }

    static String format(Instant instant) {
        ByteSink out = new ByteSink(LENGTH);
        append(out, instant);
        return new String(out.toByteArray(), java.nio.charset.StandardCharsets.US_ASCII);
    }

    /** Epoch microseconds of the time string at {@code bytes[offset..offset+27)}, or {@link #INVALID}. */
    static long parse(byte[] bytes, int offset) {
        if (offset < 0 || offset + LENGTH > bytes.length
                || bytes[offset + 4] != '-' || bytes[offset + 7] != '-' || bytes[offset + 10] != 'T'
                || bytes[offset + 13] != ':' || bytes[offset + 16] != ':' || bytes[offset + 19] != '.'
                || bytes[offset + 26] != 'Z') {
            return INVALID;
        }
        int century = twoDigits(bytes, offset);
        int yearOfCentury = twoDigits(bytes, offset + 2);
        int month = twoDigits(bytes, offset + 5);
        int day = twoDigits(bytes, offset + 8);
        int hour = twoDigits(bytes, offset + 11);
        int minute = twoDigits(bytes, offset + 14);
        int second = twoDigits(bytes, offset + 17);
        int micros1 = twoDigits(bytes, offset + 20);
        int micros2 = twoDigits(bytes, offset + 22);
        int micros3 = twoDigits(bytes, offset + 24);
        if ((century | yearOfCentury | month | day | hour | minute | second | micros1 | micros2 | micros3) < 0) {
            return INVALID;
        }
        int year = century * 100 + yearOfCentury;
        int micros = micros1 * 10_000 + micros2 * 100 + micros3;
        if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month) || hour > 23 || minute > 59
                || second > 59) {
            return INVALID;
        }
        long seconds = epochDay(year, month, day) * 86_400L + hour * 3_600L + minute * 60L + second;
        return seconds * 1_000_000L + micros;
    }

    /**
     * Microseconds since midnight of the time string at {@code bytes[offset..offset+27)} if its part
     * {@code THH:mm:ss.ffffffZ} is valid, else {@link #INVALID}; the date is not looked at. With a valid date,
     * {@link #parse} is the epoch microseconds of that date plus this.
     */
    static long parseTimeOfDay(byte[] bytes, int offset) {
        if (offset < 0 || offset + LENGTH > bytes.length
                || bytes[offset + 10] != 'T' || bytes[offset + 13] != ':' || bytes[offset + 16] != ':'
                || bytes[offset + 19] != '.' || bytes[offset + 26] != 'Z') {
            return INVALID;
        }
        int hour = twoDigits(bytes, offset + 11);
        int minute = twoDigits(bytes, offset + 14);
        int second = twoDigits(bytes, offset + 17);
        int micros1 = twoDigits(bytes, offset + 20);
        int micros2 = twoDigits(bytes, offset + 22);
        int micros3 = twoDigits(bytes, offset + 24);
        if ((hour | minute | second | micros1 | micros2 | micros3) < 0 || hour > 23 || minute > 59 || second > 59) {
            return INVALID;
        }
        return (hour * 3_600L + minute * 60L + second) * 1_000_000L + micros1 * 10_000 + micros2 * 100 + micros3;
    }

        static Instant toInstant(long epochMicros) {
        return Instant.ofEpochSecond(Math.floorDiv(epochMicros, 1_000_000L),
                Math.floorMod(epochMicros, 1_000_000L) * 1_000L);
    }

    static long toMicros(Instant instant) {
        return instant.getEpochSecond() * 1_000_000L + instant.getNano() / 1_000;
    }

    /** Days since 1970-01-01 of a proleptic Gregorian date (the civil-from-days inverse of H. Hinnant). */
    private static long epochDay(int year, int month, int day) {
        long y = month <= 2 ? year - 1 : year;
        long era = Math.floorDiv(y, 400);
        long yearOfEra = y - era * 400;
        long dayOfYear = (153L * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1;
        long dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear;
        return era * 146_097 + dayOfEra - 719_468;
    }

    private static int daysInMonth(int year, int month) {
        return switch (month) {
            case 2 -> (year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)) ? 29 : 28;
            case 4, 6, 9, 11 -> 30;
            default -> 31;
        };
    }

    /** The value of two ASCII digits, or -1 if either is not a digit. */
    private static int twoDigits(byte[] bytes, int offset) {
        int high = bytes[offset] - '0';
        int low = bytes[offset + 1] - '0';
        return (high | low | 9 - high | 9 - low) < 0 ? -1 : high * 10 + low;
    }

    private static void digits(ByteSink out, int value, int width) {
        char[] text = new char[width];
        for (int i = width - 1; i >= 0; i--) {
            text[i] = (char) ('0' + value % 10);
            value /= 10;
        }
        for (char c : text) {
            out.write(c);
        }
    }
}
