package fr.regard.web.api;

import java.util.logging.Logger;

/**
 * Retries a use case that lost a race on the same process instance (a DPO completes a task while a clock timer fires
 * on that case: docs/workflow.md). The use case rolled back as a whole, so running it again is safe.
 */
final class ConcurrentUpdates {

    private static final Logger LOG = Logger.getLogger(ConcurrentUpdates.class.getName());
    private static final int ATTEMPTS = 3;
    private static final String[] CONFLICTS = {
        "org.camunda.bpm.engine.OptimisticLockingException",
        "jakarta.persistence.OptimisticLockException",
        "org.hibernate.StaleObjectStateException"};

    private ConcurrentUpdates() {
    }

    static void retry(Runnable useCase) {
        retry(() -> {
            useCase.run();
            return null;
        });
    }

    static <T> T retry(java.util.function.Supplier<T> useCase) {
        for (int attempt = 1; ; attempt++) {
            try {
                return useCase.get();
            } catch (RuntimeException e) {
                if (attempt >= ATTEMPTS || !isConflict(e)) {
                    throw e;
                }
                int current = attempt;
                LOG.info(() -> "Concurrent update, attempt " + current + " of " + ATTEMPTS + ": " + e);
            }
        }
    }

    private static boolean isConflict(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            for (String conflict : CONFLICTS) {
                if (t.getClass().getName().equals(conflict)) {
                    return true;
                }
            }
        }
        return false;
    }
}
