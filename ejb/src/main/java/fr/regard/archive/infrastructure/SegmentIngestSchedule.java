package fr.regard.archive.infrastructure;

import fr.regard.archive.application.ArchiveIngestService;
import fr.regard.archive.application.SegmentIngest;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.inject.Inject;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Checks the archive root at start (a clear error in the log when it is missing or unwritable) and runs the ingest
 * every {@code regard.archive.ingest.interval} (default one minute, first run one interval after start) on the
 * server's scheduler. Every node schedules it; the lease lets one run at a time, the others skip their turn.
 */
@Singleton
@Startup
@DependsOn("DatabaseSchema")
public class SegmentIngestSchedule {

    private static final Logger LOG = Logger.getLogger(SegmentIngestSchedule.class.getName());

    @Resource(lookup = "java:jboss/ee/concurrency/scheduler/default")
    ManagedScheduledExecutorService scheduler;

    @Inject
    ArchiveIngestService ingest;

    @Inject
    ArchiveSettings settings;

    @Inject
    RecordingArchiveProducer archiveRoot;

    private ScheduledFuture<?> task;

    @PostConstruct
    void start() {
        archiveRoot.check();
        long every = settings.interval().toMillis();
        settings.policy(); // a bad setting stops the deployment now, not at the first run
        task = scheduler.scheduleWithFixedDelay(this::run, every, every, TimeUnit.MILLISECONDS);
    }

    @PreDestroy
    void stop() {
        if (task != null) {
            task.cancel(false);
        }
    }

    private void run() {
        try {
            ingest.runNow("system", "system");
        } catch (SegmentIngest.BusyException e) {
            LOG.fine(() -> "Archive ingest skipped: " + e.getMessage());
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Archive ingest failed; retried at the next run", e);
        }
    }
}
