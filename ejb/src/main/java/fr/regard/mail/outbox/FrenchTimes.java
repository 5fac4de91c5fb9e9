package fr.regard.mail.outbox;

import fr.regard.calendar.domain.LegalCalendar;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** Instants as a French reader reads them, Europe/Paris: "3 mars 2026 à 14:30". */
public final class FrenchTimes {

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.FRANCE);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm", Locale.FRANCE);

    private FrenchTimes() {
    }

    public static String dateTime(Instant instant) {
        var local = instant.atZone(LegalCalendar.PARIS);
        return DATE.format(local) + " à " + TIME.format(local);
    }

    public static String date(java.time.LocalDate day) {
        return DATE.format(day);
    }
}
