package fr.regard.archive.workflow;

import fr.regard.archive.infrastructure.PurgeConfiguration;
import fr.regard.workflow.infrastructure.DailyCron;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.time.Clock;
import java.time.ZoneId;

/**
 * {@code footagePurgeSchedule}: the daily timer's cycle and the retry cycle of footage-purge's jobs. The run is due at
 * {@code regard.archive.purge.time} in <b>Europe/Paris</b> ({@link DailyCron}: the cron in the JVM's zone,
 * re-evaluated at each firing).
 */
@Named("footagePurgeSchedule")
@ApplicationScoped
public class FootagePurgeSchedule {

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
        return DailyCron.nextRun(clock.instant(), configuration.time(), jvmZone);
    }
}
