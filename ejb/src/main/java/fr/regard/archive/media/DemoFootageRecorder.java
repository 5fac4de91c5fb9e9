package fr.regard.archive.media;

import fr.regard.archive.domain.Camera;
import fr.regard.archive.infrastructure.DemoCameras;
import fr.regard.platform.infrastructure.DataDirectory;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.inject.Inject;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Runs the {@link DemoFootage} recorder of the embedded default on the server's scheduler when
 * {@code regard.demo.footage=true} (the run profile sets it; off by default, never in a real deployment): the first
 * pass fills the last {@link DemoFootage#BACKFILL} of the demo cameras in the background, so the boot is not slowed,
 * then a pass every minute adds the minute that just ended. The archive is {@code regard.archive.root} (default
 * {@code <regard.data.dir>/archive}).
 */
@Singleton
@Startup
public class DemoFootageRecorder {

    private static final Logger LOG = Logger.getLogger(DemoFootageRecorder.class.getName());

    @Inject
    @ConfigProperty(name = "regard.demo.footage", defaultValue = "false")
    boolean enabled;

    @Inject
    @ConfigProperty(name = "regard.archive.root")
    Optional<String> archiveRoot;

    @Inject
    DataDirectory dataDirectory;

    @Resource(lookup = "java:jboss/ee/concurrency/scheduler/default")
    ManagedScheduledExecutorService scheduler;

    private volatile boolean stopping;
    private ScheduledFuture<?> task;

    @PostConstruct
    void start() {
        if (!enabled) {
            return;
        }
        Path root = archiveRoot.filter(s -> !s.isBlank()).map(Path::of)
                .orElseGet(() -> dataDirectory.root().resolve("archive"));
        Map<String, String> names = DemoCameras.read().stream()
                .filter(c -> DemoFootage.CAMERAS.contains(c.id()))
                .collect(Collectors.toMap(Camera::id, Camera::name, (a, b) -> a));
        DemoFootage recorder = new DemoFootage(root, new SyntheticFootage(), names);
        LOG.info(() -> "Demo footage: recording " + names.keySet() + " into " + root);
        task = scheduler.scheduleWithFixedDelay(() -> pass(recorder), 0, DemoFootage.SEGMENT_SECONDS, TimeUnit.SECONDS);
    }

    @PreDestroy
    void stop() {
        stopping = true;
        if (task != null) {
            task.cancel(false);
        }
    }

    private void pass(DemoFootage recorder) {
        try {
            int written = recorder.recordMissing(Instant.now(), DemoFootage.BACKFILL, () -> stopping);
            if (written > 1) {
                LOG.info(() -> "Demo footage: " + written + " segments recorded");
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Demo footage: recording failed; retried in a minute", e);
        }
    }
}
