package fr.regard.journal.infrastructure;

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
 * Runs the integrator every {@code regard.journal.publish-interval-ms} on the container's scheduler, so that a
 * journal entry is sequenced and covered by a signed checkpoint within seconds of its commit.
 */
@Singleton
@Startup
@DependsOn("DatabaseSchema")
public class JournalPublisher {

    private static final Logger LOG = Logger.getLogger(JournalPublisher.class.getName());

    @Resource(lookup = "java:jboss/ee/concurrency/scheduler/default")
    ManagedScheduledExecutorService scheduler;

    @Inject
    JournalIntegrator integrator;

    @Inject
    JournalSettings settings;

    private ScheduledFuture<?> task;
    private volatile String lastFailure;

    @PostConstruct
    void start() {
        long interval = settings.publishIntervalMillis();
        task = scheduler.scheduleWithFixedDelay(this::publish, 0, interval, TimeUnit.MILLISECONDS);
    }

    @PreDestroy
    void stop() {
        if (task != null) {
            task.cancel(false);
        }
    }

    private void publish() {
        try {
            integrator.integrate();
            if (lastFailure != null) {
                LOG.info("Journal publication works again");
                lastFailure = null;
            }
        } catch (RuntimeException e) {
            String message = String.valueOf(e.getMessage());
            if (!message.equals(lastFailure)) {
                LOG.log(Level.SEVERE, "Journal publication failed: " + message, e);
                lastFailure = message;
            }
        }
    }
}
