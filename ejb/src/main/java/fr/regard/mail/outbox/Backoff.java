package fr.regard.mail.outbox;

import java.time.Duration;
import java.util.Objects;
import java.util.function.DoubleSupplier;

/**
 * When a mail that could not be sent is tried again: {@code first} after the first failure, doubling after each
 * further one, never more than {@code cap}; each delay is spread by a random jitter of ±{@code jitter} (0 to 0.5) so
 * that mails queued together during an outage do not all hit the server again in the same second.
 */
public record Backoff(Duration first, Duration cap, double jitter) {

    public Backoff {
        Objects.requireNonNull(first, "first");
        Objects.requireNonNull(cap, "cap");
        if (first.isNegative() || first.isZero() || cap.compareTo(first) < 0) {
            throw new IllegalArgumentException("regard.mail.outbox.backoff: a positive first delay no longer than the "
                    + "cap (" + first + ", " + cap + ")");
        }
        if (jitter < 0 || jitter > 0.5) {
            throw new IllegalArgumentException("regard.mail.outbox.backoff jitter is 0 to 0.5: " + jitter);
        }
    }

    /** The default: 1 min, 2, 4, 8 … at most 1 h, ±20 %. */
    public static Backoff standard() {
        return new Backoff(Duration.ofMinutes(1), Duration.ofHours(1), 0.2);
    }

    /** The delay before the next attempt after {@code failures} failed attempts (1 or more), without jitter. */
    public Duration nominal(int failures) {
        int doublings = Math.max(0, Math.min(failures - 1, 40));
        long millis = first.toMillis();
        for (int i = 0; i < doublings && millis < cap.toMillis(); i++) {
            millis *= 2;
        }
        return Duration.ofMillis(Math.min(millis, cap.toMillis()));
    }

    /** {@link #nominal} spread by the jitter ({@code random} gives 0 ≤ r < 1), never beyond the cap. */
    public Duration delay(int failures, DoubleSupplier random) {
        long nominal = nominal(failures).toMillis();
        double factor = 1 + jitter * (2 * random.getAsDouble() - 1);
        return Duration.ofMillis(Math.min(cap.toMillis(), Math.max(1, Math.round(nominal * factor))));
    }
}
