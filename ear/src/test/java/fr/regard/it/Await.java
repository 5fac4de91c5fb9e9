package fr.regard.it;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Supplier;

/** Polls the server until something is there (asynchronous jobs, process steps), failing after a patience. */
final class Await {

    private Await() {
    }

    static <T> T until(Supplier<Optional<T>> probe, Duration patience, String what) {
        Instant deadline = Instant.now().plus(patience);
        while (true) {
            Optional<T> found = probe.get();
            if (found.isPresent()) {
                return found.get();
            }
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("Waited " + patience.toSeconds() + " s for " + what);
            }
            try {
                Thread.sleep(300);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted", e);
            }
        }
    }
}
