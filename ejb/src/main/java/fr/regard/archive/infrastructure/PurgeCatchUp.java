package fr.regard.archive.infrastructure;

import fr.regard.archive.application.FootagePurges;
import fr.regard.archive.application.PurgeAlreadyRunningException;
import fr.regard.archive.domain.PurgeTrigger;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Catch-up after downtime (docs/archive.md "Purge"): at start-up, when no batch completed within
 * {@code regard.archive.purge.catch-up-after} (default 24 h) — the server was down at the daily time, or never ran
 * one — a run is started at once. A missed day needs nothing else: every run destroys all that is expired at its
 * own time. Off with {@code regard.archive.purge.catch-up-at-start=false}.
 */
@Singleton
@Startup
@DependsOn("ProcessEngineBootstrap")
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class PurgeCatchUp {

    private static final Logger LOG = Logger.getLogger(PurgeCatchUp.class.getName());

    @Inject
    PurgeConfiguration configuration;

    @Inject
    PurgeBatchReader batches;

    @Inject
    FootagePurges purges;

    Clock clock = Clock.systemUTC();

    @PostConstruct
    void atStart() {
        if (!configuration.catchUpAtStart()) {
            return;
        }
        try {
            Optional<Instant> last = batches.lastCompleted();
            Instant limit = clock.instant().minus(configuration.catchUpAfter());
            if (last.isPresent() && last.get().isAfter(limit)) {
                return;
            }
            long batch = purges.runNow(PurgeTrigger.CATCH_UP, "system");
            LOG.info(() -> "Purge catch-up: last completed batch " + last.map(Instant::toString).orElse("none")
                    + ", batch " + batch + " started");
        } catch (PurgeAlreadyRunningException e) {
            LOG.info(() -> "Purge catch-up: batch " + e.runningBatchId() + " is already running");
        } catch (RuntimeException e) {
            LOG.log(Level.SEVERE, "Purge catch-up could not start; the daily run will purge", e);
        }
    }
}
