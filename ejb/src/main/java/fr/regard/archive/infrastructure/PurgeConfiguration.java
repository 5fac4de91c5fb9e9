package fr.regard.archive.infrastructure;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Settings of the purge of expired footage (docs/operations.md "Purge"). */
@ApplicationScoped
public class PurgeConfiguration {

    @Inject
    @ConfigProperty(name = "regard.archive.purge.time", defaultValue = "03:00")
    String time;

    @Inject
    @ConfigProperty(name = "regard.archive.purge.retry", defaultValue = "R3/PT5M")
    String retry;

    @Inject
    @ConfigProperty(name = "regard.archive.purge.chunk-size", defaultValue = "1000")
    int chunkSize;

    @Inject
    @ConfigProperty(name = "regard.archive.purge.lease", defaultValue = "PT15M")
    String lease;

    @Inject
    @ConfigProperty(name = "regard.archive.purge.slice", defaultValue = "PT1M")
    String slice;

    @Inject
    @ConfigProperty(name = "regard.archive.purge.catch-up-after", defaultValue = "PT24H")
    String catchUpAfter;

    @Inject
    @ConfigProperty(name = "regard.archive.purge.catch-up-at-start", defaultValue = "true")
    boolean catchUpAtStart;

    /** Daily time of the run, Europe/Paris wall clock. */
    public LocalTime time() {
        try {
            return LocalTime.parse(time.strip());
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("regard.archive.purge.time is a time of day such as 03:00: " + time, e);
        }
    }

    /** Camunda's retry cycle of a failed purge job (ISO-8601 repetitions, e.g. R3/PT5M). */
    public String retryCycle() {
        String cycle = retry.strip();
        if (!cycle.matches("R\\d{1,2}/PT?\\d+[DHMS]")) {
            throw new IllegalArgumentException("regard.archive.purge.retry is a retry cycle such as R3/PT5M: " + retry);
        }
        return cycle;
    }

    public PurgeSettings settings() {
        return new PurgeSettings(chunkSize, duration("regard.archive.purge.lease", lease),
                duration("regard.archive.purge.slice", slice), Duration.ZERO);
    }

    /** A start-up finding no batch completed within this duration starts a run. */
    public Duration catchUpAfter() {
        return duration("regard.archive.purge.catch-up-after", catchUpAfter);
    }

    public boolean catchUpAtStart() {
        return catchUpAtStart;
    }

    private static Duration duration(String name, String value) {
        return ArchiveSettings.duration(name, value);
    }
}
