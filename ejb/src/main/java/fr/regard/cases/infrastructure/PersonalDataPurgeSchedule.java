package fr.regard.cases.infrastructure;

import fr.regard.cases.application.PersonalDataPurges;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Runs {@link PersonalDataPurges} every {@code regard.purge.interval} (default one hour) on the server's scheduler.
 * Several nodes may run it: each case is locked and purged once (a purged case is skipped).
 */
@Singleton
@Startup
@DependsOn("DatabaseSchema")
public class PersonalDataPurgeSchedule {

    private static final Logger LOG = Logger.getLogger(PersonalDataPurgeSchedule.class.getName());

    @Resource(lookup = "java:jboss/ee/concurrency/scheduler/default")
    ManagedScheduledExecutorService scheduler;

    @Inject
    PersonalDataPurges purges;

    @Inject
    @ConfigProperty(name = "regard.purge.interval", defaultValue = "PT1H")
    String interval;

    private ScheduledFuture<?> task;

    @PostConstruct
    void start() {
        long every = Duration.parse(interval.strip()).toMillis();
        if (every < 1000) {
            throw new IllegalArgumentException("regard.purge.interval must be at least one second: " + interval);
        }
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
            int purged = purges.purgeEndedEarlyDueBy(Instant.now());
            if (purged > 0) {
                LOG.info(() -> "Purged the personal data of " + purged + " withdrawn or unanswered case(s)");
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Personal data purge failed; retried at the next run", e);
        }
    }
}
