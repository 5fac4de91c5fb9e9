package fr.regard.archive.infrastructure;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Extractions survive a restart: at start, the runs this node left {@code RUNNING} are queued again (the output is made
 * from scratch; after three attempts the extract fails with the reason), then every queued extract is submitted.
 * Every minute after that, runs without progress for {@code regard.extracts.stale-after} (another node stopped) are
 * recovered the same way, and queued extracts not yet submitted (a request committed just before a crash) are.
 */
@Singleton
@Startup
@DependsOn("DatabaseSchema")
public class ExtractRecovery {

    private static final Logger LOG = Logger.getLogger(ExtractRecovery.class.getName());
    static final int BATCH = 200;

    @Resource(lookup = "java:jboss/ee/concurrency/scheduler/default")
    ManagedScheduledExecutorService scheduler;

    @Inject
    ExtractLedger ledger;

    @Inject
    ExtractQueue queue;

    @Inject
    ExtractFiles files;

    private ScheduledFuture<?> task;

    @PostConstruct
    void start() {
        recover(ExtractWorker.node());
        task = scheduler.scheduleWithFixedDelay(() -> recover(null), 60, 60, TimeUnit.SECONDS);
    }

    @PreDestroy
    void stop() {
        if (task != null) {
            task.cancel(false);
        }
    }

    private void recover(String node) {
        try {
            List<Long> requeued = ledger.recover(node, Instant.now().minus(files.staleAfter()));
            if (!requeued.isEmpty()) {
                LOG.info(() -> "Extractions interrupted and queued again: " + requeued);
            }
            ledger.queued(BATCH).forEach(queue::submit);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Recovery of extractions failed; retried in a minute", e);
        }
    }
}
