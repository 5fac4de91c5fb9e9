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
    @DisplayName("an email address is required on the web and by email; a registered letter needs a postal or an email "
            + "address, so that the answer can reach its sender")
    void emailPerChannel() {
        Instant end = NOW.minusSeconds(3600);
        assertThat(fields(request(IntakeChannel.WEB, null, end.minusSeconds(60), end))).containsExactly("requester.email");
        assertThat(fields(request(IntakeChannel.LETTER, null, end.minusSeconds(60), end)))
                .containsExactly("requester.postalAddress", "receivedAt");
        assertThat(fields(request(IntakeChannel.LETTER, "c@example.org", end.minusSeconds(60), end)))
                .as("a letter's receipt is its avis de réception").containsExactly("receivedAt");
        assertThat(fields(letter(List.of("12 rue Nationale", "59000 Lille"), "fr", "1A 123 456 7890 1", end))).isEmpty();
        assertThat(fields(request(IntakeChannel.WEB, "not-an-address", end.minusSeconds(60), end))).containsExactly("requester.email");
    }

    @Test
    @DisplayName("postal address: 2 to 6 lines of at most 100 characters, no line breaks inside a line")
    void postalAddress() {
        Instant end = NOW.minusSeconds(3600);
        assertThat(fields(letter(List.of("59000 Lille"), null, null, end))).containsExactly("requester.postalAddress");
        assertThat(fields(letter(List.of("a", "b", "c", "d", "e", "f", "g"), null, null, end)))
                .containsExactly("requester.postalAddress");
        assertThat(fields(letter(List.of("x".repeat(101), "59000 Lille"), null, null, end)))
                .containsExactly("requester.postalAddress");
        assertThat(fields(letter(List.of("12 rue\nNationale", "59000 Lille"), null, null, end)))
                .containsExactly("requester.postalAddress");
    }

    @Test
    @DisplayName("language fr or en; registered-mail number only for a letter, well formed; receipt not in the future")
    void languageAndRegisteredMail() {
        Instant end = NOW.minusSeconds(3600);
        List<String> address = List.of("12 rue Nationale", "59000 Lille");
        assertThat(fields(letter(address, "de", null, end))).containsExactly("requester.language");
        assertThat(fields(letter(address, "en", "<script>", end))).containsExactly("registeredMailNumber");
        assertThat(fields(new NewRequest(RequestKind.ACCESS, IntakeChannel.WEB, "Camille", "Durand", "c@example.org",
                List.of(), "fr", end.minusSeconds(60), end, "Rue Nationale", null, null, "1A 123")))
                .containsExactly("registeredMailNumber");
        assertThat(fields(new NewRequest(RequestKind.ACCESS, IntakeChannel.LETTER, "Camille", "Durand", null, address,
                "fr", end.minusSeconds(60), end, "Rue Nationale", null, NOW.plusSeconds(3600), null)))
                .containsExactly("receivedAt");
    }

    private static NewRequest letter(List<String> address, String language, String registeredMail, Instant end) {
        return new NewRequest(RequestKind.ACCESS, IntakeChannel.LETTER, "Camille", "Durand", null, address, language,
                end.minusSeconds(60), end, "Rue Nationale", null, NOW.minusSeconds(60), registeredMail);
    }
}
