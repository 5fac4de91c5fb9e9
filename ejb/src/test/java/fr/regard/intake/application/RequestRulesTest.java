package fr.regard.intake.application;

import static org.assertj.core.api.Assertions.assertThat;

import fr.regard.cases.domain.IntakeChannel;
import fr.regard.cases.domain.RequestKind;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class RequestRulesTest {

    private static final Instant NOW = Instant.parse("2026-11-25T10:00:00Z");

    private static NewRequest request(IntakeChannel channel, String email, Instant start, Instant end) {
        return new NewRequest(RequestKind.ACCESS, channel, "Camille", "Durand", email, start, end,
                "Rue Nationale", null, null);
    }

    private static List<String> fields(NewRequest request) {
        return RequestRules.check(request, NOW).stream().map(FieldViolation::field).toList();
    }

    @Test
    @DisplayName("a complete request passes, even for facts older than the charter window or the retention")
    void oldFactsAccepted() {
        Instant longAgo = NOW.minus(60, ChronoUnit.DAYS);
        assertThat(fields(request(IntakeChannel.WEB, "c@example.org", longAgo, longAgo.plusSeconds(600)))).isEmpty();
    }

    @Test
    @DisplayName("facts in the future or ending before they start are refused, naming the field")
    void timeRules() {
        assertThat(fields(request(IntakeChannel.WEB, "c@example.org", NOW.plusSeconds(3600), NOW.plusSeconds(7200))))
                .containsExactly("facts.start", "facts.end");
        assertThat(fields(request(IntakeChannel.WEB, "c@example.org", NOW.minusSeconds(600), NOW.minusSeconds(1200))))
                .containsExactly("facts.end");
        // a browser clock a minute ahead is tolerated
        assertThat(fields(request(IntakeChannel.WEB, "c@example.org", NOW.minusSeconds(600), NOW.plusSeconds(60)))).isEmpty();
    }

    @Test
    @DisplayName("an email address is required on the web and by email, optional on a registered letter")
    void emailPerChannel() {
        Instant end = NOW.minusSeconds(3600);
        assertThat(fields(request(IntakeChannel.WEB, null, end.minusSeconds(60), end))).containsExactly("requester.email");
        assertThat(fields(request(IntakeChannel.LETTER, null, end.minusSeconds(60), end))).isEmpty();
        assertThat(fields(request(IntakeChannel.WEB, "not-an-address", end.minusSeconds(60), end))).containsExactly("requester.email");
    }
}
