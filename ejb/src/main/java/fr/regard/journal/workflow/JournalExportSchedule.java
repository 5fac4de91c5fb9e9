package fr.regard.journal.workflow;

import fr.regard.workflow.infrastructure.DailyCron;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.time.Clock;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * {@code journalExportSchedule}: the daily journal export's timer (journal-export.bpmn) and retry cycle. Due at
 * {@code regard.journal.export.time} (02:30 by default) Europe/Paris ({@link DailyCron}); the export itself is skipped
 * when {@code regard.journal.export.daily=false} (the timer still fires: one setting, no redeployment).
 */
@Named("journalExportSchedule")
@ApplicationScoped
public class JournalExportSchedule {

    @Inject
    @ConfigProperty(name = "regard.journal.export.time", defaultValue = "02:30")
    String time;

    @Inject
    @ConfigProperty(name = "regard.journal.export.retry", defaultValue = "R3/PT10M")
    String retry;

    @Inject
    @ConfigProperty(name = "regard.journal.export.daily", defaultValue = "true")
    boolean daily;

    Clock clock = Clock.systemUTC();

    /** Quartz-style cron (seconds first) of the next export, in the JVM's time zone. */
    public String getCycle() {
        return DailyCron.nextRun(clock.instant(), time(), ZoneId.systemDefault());
    }

    /** Camunda's retry cycle of a failed export job (ISO-8601 repetitions, e.g. R3/PT10M). */
    public String getRetryCycle() {
        String cycle = retry.strip();
        if (!cycle.matches("R\\d{1,2}/PT?\\d+[DHMS]")) {
            throw new IllegalArgumentException("regard.journal.export.retry is a retry cycle such as R3/PT10M: " + retry);
        }
        return cycle;
    }

    public boolean enabled() {
        return daily;
    }

    LocalTime time() {
        try {
            return LocalTime.parse(time.strip());
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("regard.journal.export.time is a time of day such as 02:30: " + time, e);
        }
    }
}
