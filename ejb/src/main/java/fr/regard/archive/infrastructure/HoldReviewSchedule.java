package fr.regard.archive.infrastructure;

import fr.regard.archive.application.FootageHolds;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Runs the check of holds past their limit ({@link FootageHolds#flagPastLimit}) every {@code regard.holds.check-interval}
 * (default one day), first one minute after start. Several nodes may run it: a placement is flagged and journalled
 * once.
 */
@Singleton
@Startup
@DependsOn("DatabaseSchema")
public class HoldReviewSchedule {

    private static final Logger LOG = Logger.getLogger(HoldReviewSchedule.class.getName());
    private static final long FIRST_RUN_MILLIS = 60_000;

    @Resource(lookup = "java:jboss/ee/concurrency/scheduler/default")
    ManagedScheduledExecutorService scheduler;

    @Inject
    FootageHolds holds;

    @Inject
    @ConfigProperty(name = "regard.holds.check-interval", defaultValue = "PT24H")
    String interval;

    private ScheduledFuture<?> task;

    @PostConstruct
    void start() {
        long every = Duration.parse(interval.strip()).toMillis();
        if (every < 1000) {
            throw new IllegalArgumentException("regard.holds.check-interval must be at least one second: " + interval);
        }
        task = scheduler.scheduleWithFixedDelay(this::run, Math.min(every, FIRST_RUN_MILLIS), every,
                TimeUnit.MILLISECONDS);
    }

    @PreDestroy
    void stop() {
        if (task != null) {
            task.cancel(false);
        }
    }

    private void run() {
        try {
            int flagged = holds.flagPastLimit();
            if (flagged > 0) {
                LOG.info(() -> flagged + " hold(s) past their limit, shown to the DPO as 'à réexaminer'");
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Check of holds past their limit failed; retried at the next run", e);
        }
    }
}
