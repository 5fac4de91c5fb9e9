package fr.regard.workflow.infrastructure;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;

/**
 * The cron of a daily BPMN timer due at a Europe/Paris wall-clock time. Camunda reads a cron in the server JVM's time
 * zone, so the cron is computed for the next such instant in that zone; with {@code reevaluateTimeCycleWhenDue} the
 * engine asks again at each firing, which follows daylight saving time changes and a changed setting.
 */
public final class DailyCron {

    public static final ZoneId PARIS = ZoneId.of("Europe/Paris");

    private DailyCron() {
    }

    /** Quartz-style cron (seconds first) of the next {@code time} in Paris after {@code now}, in {@code jvmZone}. */
    public static String nextRun(Instant now, LocalTime time, ZoneId jvmZone) {
        ZonedDateTime paris = now.atZone(PARIS);
        ZonedDateTime next = paris.toLocalDate().atTime(time).atZone(PARIS);
        if (!next.isAfter(paris)) {
            LocalDate tomorrow = LocalDate.ofEpochDay(paris.toLocalDate().toEpochDay() + 1);
            next = tomorrow.atTime(time).atZone(PARIS);
        }
        ZonedDateTime local = next.withZoneSameInstant(jvmZone);
        return local.getSecond() + " " + local.getMinute() + " " + local.getHour() + " * * ?";
    }
}
