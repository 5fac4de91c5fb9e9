package fr.regard.mail.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The outbox's state machine (docs/mail.md "Outbox"): claim under a lease, sent once, retry with backoff, give-up. */
class OutboxRecordTest {

    private static final Instant T0 = Instant.parse("2026-03-03T13:30:00Z");
    private static final Duration LEASE = Duration.ofMinutes(5);
    private static final Duration MAX_AGE = Duration.ofDays(3);
    private static final Backoff BACKOFF = Backoff.standard();

    private static OutboxRecord queued() {
        OutgoingMail mail = new OutgoingMail("DA-2026-000001", "camille.martin@example.org", "[DA-2026-000001] Accusé",
                "Bonjour", null, List.of(), List.of(), OutgoingMail.Kind.LETTER, 7L, "ACKNOWLEDGEMENT");
        return new OutboxRecord("<a@regard.mairie-lille.fr>", mail, "protectiondesdonnees@mairie-lille.fr",
                "ab".repeat(32), 1234, T0);
    }

    @Test
    @DisplayName("queued and due at once; one node claims it under a lease, a second claim is refused while it runs")
    void claimIsExclusiveWhileTheLeaseRuns() {
        OutboxRecord row = queued();
        assertThat(row.state()).isEqualTo(OutboxState.QUEUED);
        assertThat(row.claimable(T0)).isTrue();

        assertThat(row.claim("node-a", T0, LEASE)).isTrue();
        assertThat(row.state()).isEqualTo(OutboxState.SENDING);
        assertThat(row.attempts()).isEqualTo(1);
        assertThat(row.leaseOwner()).isEqualTo("node-a");
        assertThat(row.leaseUntil()).isEqualTo(T0.plus(LEASE));

        assertThat(row.claim("node-b", T0.plusSeconds(60), LEASE)).isFalse();
        assertThat(row.leaseOwner()).isEqualTo("node-a");
    }

    @Test
    @DisplayName("a node that stopped mid-send: after its lease another node takes the same message again")
    void expiredLeaseIsTakenOver() {
        OutboxRecord row = queued();
        row.claim("node-a", T0, LEASE);
        Instant later = T0.plus(LEASE).plusSeconds(1);
        assertThat(row.claim("node-b", later, LEASE)).isTrue();
        assertThat(row.attempts()).isEqualTo(2);
        assertThat(row.leaseOwner()).isEqualTo("node-b");
        assertThat(row.messageId()).as("the same Message-ID, so receivers dedupe").isEqualTo("<a@regard.mairie-lille.fr>");
    }

    @Test
    @DisplayName("sent is recorded once; a late second report changes nothing; a SENT mail is never claimed again")
    void sentOnce() {
        OutboxRecord row = queued();
        row.claim("node-a", T0, LEASE);
        assertThat(row.sent(T0.plusSeconds(2))).isTrue();
        assertThat(row.state()).isEqualTo(OutboxState.SENT);
        assertThat(row.sentAt()).isEqualTo(T0.plusSeconds(2));
        assertThat(row.leaseOwner()).isNull();
        assertThat(row.sent(T0.plusSeconds(9))).isFalse();
        assertThat(row.sentAt()).isEqualTo(T0.plusSeconds(2));
        assertThat(row.claimable(T0.plus(Duration.ofDays(1)))).isFalse();
        assertThat(row.fail("trop tard", T0.plusSeconds(10))).isEqualTo(OutboxState.SENT);
    }

    @Test
    @DisplayName("an outage: queued again with 1, 2, 4 … minutes of backoff, the French error kept, not due before")
    void temporaryFailureBacksOff() {
        OutboxRecord row = queued();
        Instant now = T0;
        Duration[] expected = {Duration.ofMinutes(1), Duration.ofMinutes(2), Duration.ofMinutes(4), Duration.ofMinutes(8)};
        for (Duration delay : expected) {
            assertThat(row.claim("node-a", now, LEASE)).isTrue();
            OutboxState state = row.retryLater("Serveur de messagerie injoignable (127.0.0.1:3025) : Connection refused",
                    now, BACKOFF, () -> 0.5, MAX_AGE);
            assertThat(state).isEqualTo(OutboxState.QUEUED);
            assertThat(row.nextAttemptAt()).isEqualTo(now.plus(delay));
            assertThat(row.lastError()).startsWith("Serveur de messagerie injoignable");
            assertThat(row.leaseOwner()).isNull();
            assertThat(row.claimable(row.nextAttemptAt().minusMillis(1))).isFalse();
            now = row.nextAttemptAt();
        }
        assertThat(row.attempts()).isEqualTo(4);
    }

    @Test
    @DisplayName("given up once the next attempt would be past the maximum age: FAILED with the attempts in French")
    void givesUpAfterMaxAge() {
        OutboxRecord row = queued();
        Instant now = T0;
        OutboxState state = OutboxState.QUEUED;
        int guard = 0;
        while (state == OutboxState.QUEUED && guard++ < 200) {
            row.claim("node-a", now, LEASE);
            state = row.retryLater("Refus temporaire du serveur de messagerie (code 451)", now, BACKOFF, () -> 0.5,
                    MAX_AGE);
            now = row.nextAttemptAt().isAfter(now) ? row.nextAttemptAt() : now.plusSeconds(1);
        }
        assertThat(state).isEqualTo(OutboxState.FAILED);
        assertThat(row.failedAt()).isBefore(T0.plus(MAX_AGE));
        assertThat(row.lastError()).startsWith("Abandon après " + row.attempts() + " tentatives depuis le 3 mars 2026 "
                + "à 14:30 : Refus temporaire");
        // 1+2+4+8+16+32 min, then hourly: about 3 days / 1 h + 7 attempts
        assertThat(row.attempts()).isBetween(70, 80);
        assertThat(row.claimable(now.plus(Duration.ofDays(10)))).isFalse();
    }

    @Test
    @DisplayName("a permanent refusal (5xx, invalid address) fails at once and is never retried")
    void permanentFailure() {
        OutboxRecord row = queued();
        row.claim("node-a", T0, LEASE);
        assertThat(row.fail("Refus définitif du serveur de messagerie (code 550)", T0)).isEqualTo(OutboxState.FAILED);
        assertThat(row.failedAt()).isEqualTo(T0);
        assertThat(row.claimable(T0.plus(Duration.ofDays(1)))).isFalse();
        assertThat(row.retryLater("x", T0, BACKOFF, () -> 0.5, MAX_AGE)).isEqualTo(OutboxState.FAILED);
    }
}
