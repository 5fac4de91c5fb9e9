package fr.regard.archive.infrastructure;

import fr.regard.archive.application.IngestPolicy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Dependent;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Settings of the recording archive and its ingest (docs/operations.md). */
@ApplicationScoped
public class ArchiveSettings {

    /** The archive's root folder; {@code <regard.data.dir>/archive} when not given. */
    @Inject
    @ConfigProperty(name = "regard.archive.root")
    Optional<String> root;

    @Inject
    @ConfigProperty(name = "regard.archive.ingest.interval", defaultValue = "PT1M")
    String interval;

    @Inject
    @ConfigProperty(name = "regard.archive.ingest.settle", defaultValue = "PT1M")
    String settle;

    @Inject
    @ConfigProperty(name = "regard.archive.ingest.lookback", defaultValue = "PT1H")
    String lookback;

    @Inject
    @ConfigProperty(name = "regard.archive.ingest.batch-size", defaultValue = "1000")
    int batchSize;

    @Inject
    @ConfigProperty(name = "regard.archive.ingest.lease", defaultValue = "PT10M")
    String lease;

    /** The configured root, if one is configured (blank counts as none). */
    public Optional<String> configuredRoot() {
        return root.map(String::strip).filter(s -> !s.isEmpty());
    }

    /** Time between two ingest runs (at least one second). */
    public Duration interval() {
        Duration every = duration("regard.archive.ingest.interval", interval);
        if (every.compareTo(Duration.ofSeconds(1)) < 0) {
            throw new IllegalArgumentException("regard.archive.ingest.interval must be at least one second: " + interval);
        }
        return every;
    }

    @Produces
    @Dependent
    public IngestPolicy policy() {
        Duration leaseDuration = duration("regard.archive.ingest.lease", lease);
        return new IngestPolicy(duration("regard.archive.ingest.settle", settle),
                duration("regard.archive.ingest.lookback", lookback), batchSize,
                leaseDuration.dividedBy(4).compareTo(Duration.ofSeconds(30)) < 0 ? leaseDuration.dividedBy(4)
                        : Duration.ofSeconds(30), leaseDuration);
    }

    /** An ISO-8601 duration setting, refused with its name when malformed (also the purge's settings). */
    static Duration duration(String name, String value) {
        try {
            return Duration.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(name + " is an ISO-8601 duration such as PT1M: " + value, e);
        }
    }
}
