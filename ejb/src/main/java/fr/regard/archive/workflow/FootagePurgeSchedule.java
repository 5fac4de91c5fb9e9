package fr.regard.archive.workflow;

import fr.regard.archive.infrastructure.PurgeConfiguration;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;

/**
 * {@code footagePurgeSchedule}: the daily timer's cycle and the retry cycle of footage-purge's jobs. Camunda reads a
 * cron in the server JVM's time zone; the run is due at {@code regard.archive.purge.time} in <b>Europe/Paris</b>, so
 * the cron is computed for the next such instant in the JVM's zone. The engine re-evaluates it at each firing
 * ({@code reevaluateTimeCycleWhenDue}), which follows daylight saving time changes and a changed setting.
 */
@Named("footagePurgeSchedule")
@ApplicationScoped
public class FootagePurgeSchedule {

    static final ZoneId PARIS = ZoneId.of("Europe/Paris");

    @Inject
    PurgeConfiguration configuration;

    Clock clock = Clock.systemUTC();

    /** Quartz-style cron (seconds first) of the next run, in the JVM's time zone. */
    public String getCycle() {
        return cronOfNextRun(ZoneId.systemDefault());
    }

    public String getRetryCycle() {
        return configuration.retryCycle();
    }

    String cronOfNextRun(ZoneId jvmZone) {
        ZonedDateTime now = clock.instant().atZone(PARIS);
        ZonedDateTime next = now.toLocalDate().atTime(configuration.time()).atZone(PARIS);
        if (!next.isAfter(now)) {
            LocalDate tomorrow = LocalDate.ofEpochDay(now.toLocalDate().toEpochDay() + 1);
            next = tomorrow.atTime(configuration.time()).atZone(PARIS);
        }
        ZonedDateTime local = next.withZoneSameInstant(jvmZone);
        return local.getSecond() + " " + local.getMinute() + " " + local.getHour() + " * * ?";
    }
}
