package fr.regard.mail.outbox;

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
import java.util.logging.Logger;

/**
 * Wakes the {@link OutboxSender} every {@code regard.mail.outbox.poll-seconds} (default 30) on every node: retries
 * whose backoff ended, mails queued just before a crash, leases a stopped node left. Nothing runs when
 * {@code regard.mail.enabled} is false (mails wait in the queue).
 */
@Singleton
@Startup
@DependsOn("DatabaseSchema")
public class OutboxSchedule {

    private static final Logger LOG = Logger.getLogger(OutboxSchedule.class.getName());

    @Resource(lookup = "java:jboss/ee/concurrency/scheduler/default")
    ManagedScheduledExecutorService scheduler;

    @Inject
    OutboxSender sender;

    @Inject
    OutboxSettings settings;

    private ScheduledFuture<?> task;

    @PostConstruct
    void start() {
        // a bad setting stops the deployment now, not at the first send
        settings.backoff();
        settings.maxAge();
        settings.lease();
        settings.messageIdDomain();
        int every = settings.pollSeconds();
        if (!settings.enabled()) {
            LOG.info("regard.mail.enabled=false: the outbox keeps every mail queued and sends nothing");
            return;
        }
        task = scheduler.scheduleWithFixedDelay(sender::wake, 1, every, TimeUnit.SECONDS);
    }

    @PreDestroy
    void stop() {
        if (task != null) {
            task.cancel(false);
        }
    }
}
