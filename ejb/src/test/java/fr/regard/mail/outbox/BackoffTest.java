package fr.regard.mail.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.HashSet;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class BackoffTest {

    private final Backoff backoff = Backoff.standard();

    @Test
    @DisplayName("1 min, 2, 4, 8, 16, 32, then capped at 1 h however many failures")
    void doublesUpToTheCap() {
        assertThat(backoff.nominal(1)).isEqualTo(Duration.ofMinutes(1));
        assertThat(backoff.nominal(2)).isEqualTo(Duration.ofMinutes(2));
        assertThat(backoff.nominal(3)).isEqualTo(Duration.ofMinutes(4));
        assertThat(backoff.nominal(6)).isEqualTo(Duration.ofMinutes(32));
        assertThat(backoff.nominal(7)).isEqualTo(Duration.ofHours(1));
        assertThat(backoff.nominal(1_000)).isEqualTo(Duration.ofHours(1));
    }

    @Test
    @DisplayName("jitter spreads each delay by ±20 % and never beyond the cap")
    void jitterStaysWithinBounds() {
        Random random = new Random(42);
        Set<Long> seen = new HashSet<>();
        for (int i = 0; i < 500; i++) {
            Duration d = backoff.delay(3, random::nextDouble);
            assertThat(d).isBetween(Duration.ofSeconds(192), Duration.ofSeconds(288));
            seen.add(d.toMillis());
            assertThat(backoff.delay(20, random::nextDouble)).isBetween(Duration.ofMinutes(48), Duration.ofHours(1));
        }
        assertThat(seen).as("mails queued together are not retried in the same instant").hasSizeGreaterThan(400);
        assertThat(backoff.delay(1, () -> 0.0)).isEqualTo(Duration.ofSeconds(48));
        assertThat(backoff.delay(1, () -> 0.999_999)).isBetween(Duration.ofSeconds(71), Duration.ofSeconds(72));
    }

    @Test
    void rejectsNonsense() {
        assertThatThrownBy(() -> new Backoff(Duration.ZERO, Duration.ofHours(1), 0.2))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Backoff(Duration.ofHours(2), Duration.ofHours(1), 0.2))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Backoff(Duration.ofMinutes(1), Duration.ofHours(1), 0.9))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
