package fr.regard.archive.infrastructure;

import fr.regard.archive.application.ExtractsQueued;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Hands queued extracts to the server's managed executor ({@code java:jboss/ee/concurrency/executor/default}, never an
 * unmanaged thread), once the request has committed. An extract is submitted once per node at a time; the claim in
 * the database makes a second submission (here or on another node) a no-op.
 */
@ApplicationScoped
public class ExtractQueue {

    private static final Logger LOG = Logger.getLogger(ExtractQueue.class.getName());

    @Resource(lookup = "java:jboss/ee/concurrency/executor/default")
    ManagedExecutorService executor;

    @Inject
    ExtractWorker worker;

    private final Set<Long> submitted = ConcurrentHashMap.newKeySet();

    void onQueued(@Observes(during = TransactionPhase.AFTER_SUCCESS) ExtractsQueued queued) {
        queued.ids().forEach(this::submit);
    }

    public void submit(long id) {
        if (!submitted.add(id)) {
            return;
        }
        try {
            executor.submit(() -> {
                try {
                    worker.run(id);
                } catch (RuntimeException e) {
                    LOG.log(Level.WARNING, "Extraction " + id + " stopped; the periodic check takes it up again", e);
                } finally {
                    submitted.remove(id);
                }
            });
        } catch (RejectedExecutionException e) {
            submitted.remove(id);
            LOG.log(Level.WARNING, "Extraction " + id + " not submitted now; the periodic check retries", e);
        }
    }
}
