package fr.regard.journal.infrastructure;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** How often the journal is sequenced and published, and time-stamped. */
@ApplicationScoped
public class JournalSettings {

    /** Delay between two integrations: a new entry is in a signed checkpoint within about this delay (≤ 5 s). */
    @Inject
    @ConfigProperty(name = "regard.journal.publish-interval-ms", defaultValue = "1000")
    long publishIntervalMillis;

    /** RFC 3161 time-stamp of the latest checkpoint at most this often (ISO-8601 duration). */
    @Inject
    @ConfigProperty(name = "regard.journal.timestamp-interval", defaultValue = "PT1H")
    String timestampInterval;

    /** Largest number of entries sequenced in one transaction. */
    @Inject
    @ConfigProperty(name = "regard.journal.batch-size", defaultValue = "5000")
    int batchSize;

    public long publishIntervalMillis() {
        if (publishIntervalMillis < 50 || publishIntervalMillis > 5000) {
            throw new IllegalStateException("regard.journal.publish-interval-ms must be between 50 and 5000: " + publishIntervalMillis);
        }
        return publishIntervalMillis;
    }

    public Duration timestampInterval() {
        return Duration.parse(timestampInterval);
    }

    public int batchSize() {
        return Math.max(1, batchSize);
    }
}
