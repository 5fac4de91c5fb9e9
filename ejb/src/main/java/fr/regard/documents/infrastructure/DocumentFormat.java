package fr.regard.documents.infrastructure;

import fr.regard.documents.domain.DocumentLanguage;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * Dates and numbers as a document prints them ({@code fmt} in the templates): Europe/Paris time, French typography
 * ("1er mars 2026 à 9 h 05", "172 800") or English ("1 March 2026 at 09:05 (Paris time)"). Grouping uses a plain
 * no-break space, a glyph every embedded font has (the JDK's French narrow no-break space is not in them).
 */
public final class DocumentFormat {

    public static final ZoneId PARIS = ZoneId.of("Europe/Paris");

    private static final DateTimeFormatter FR_MONTH_YEAR = DateTimeFormatter.ofPattern("MMMM yyyy", Locale.FRANCE);
    private static final DateTimeFormatter EN_DATE = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.UK);
    private static final DateTimeFormatter EN_TIME = DateTimeFormatter.ofPattern("HH:mm", Locale.UK);

    private final DocumentLanguage language;

    public DocumentFormat(DocumentLanguage language) {
        this.language = language;
    }

    /** A calendar date: "1er mars 2026", "4 mars 2026" / "4 March 2026". */
    public String date(LocalDate date) {
        if (language == DocumentLanguage.EN) {
            return EN_DATE.format(date);
        }
        return (date.getDayOfMonth() == 1 ? "1er" : Integer.toString(date.getDayOfMonth())) + " " + FR_MONTH_YEAR.format(date);
    }

    /** The Paris date of an instant. */
    public String date(Instant instant) {
        return date(LocalDate.ofInstant(instant, PARIS));
    }

    /** The Paris time of an instant: "9 h 05" / "09:05". */
    public String time(Instant instant) {
        ZonedDateTime paris = instant.atZone(PARIS);
        return language == DocumentLanguage.EN ? EN_TIME.format(paris)
                : paris.getHour() + " h " + String.format(Locale.ROOT, "%02d", paris.getMinute());
    }

    /** "4 mars 2026 à 9 h 05" / "4 March 2026 at 09:05 (Paris time)". */
    public String dateTime(Instant instant) {
        return language == DocumentLanguage.EN ? date(instant) + " at " + time(instant) + " (Paris time)"
                : date(instant) + " à " + time(instant);
    }

    /** A count with grouping: "172 800" / "172,800". */
    public String count(long value) {
        return decimal("#,##0").format(value);
    }

    /** A decimal with one digit: "12,5" / "12.5". */
    public String decimal(double value) {
        return decimal("0.0").format(value);
    }

    /** A size in bytes, readable: "1,4 Mo" / "1.4 MB". */
    public String bytes(long bytes) {
        String[] units = language == DocumentLanguage.EN ? new String[] {"bytes", "kB", "MB", "GB", "TB"}
                : new String[] {"octets", "ko", "Mo", "Go", "To"};
        double value = bytes;
        int unit = 0;
        while (value >= 1000 && unit < units.length - 1) {
            value /= 1000;
            unit++;
        }
        return (unit == 0 ? count(bytes) : decimal(value)) + "\u00a0" + units[unit];
    }

    private DecimalFormat decimal(String pattern) {
        DecimalFormatSymbols symbols = DecimalFormatSymbols.getInstance(language.locale());
        if (language == DocumentLanguage.FR) {
            symbols.setGroupingSeparator('\u00a0');
            symbols.setDecimalSeparator(',');
        }
        return new DecimalFormat(pattern, symbols);
    }
}
