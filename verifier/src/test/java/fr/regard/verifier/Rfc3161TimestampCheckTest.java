package fr.regard.verifier;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import fr.regard.journal.format.TimestampCheck;

/** RFC 3161 tokens over checkpoint notes, from a throwaway TSA (docs/journal-format.md, "Bundle"). */
class Rfc3161TimestampCheckTest {

    private static final Instant GEN_TIME = Instant.parse("2026-11-25T21:00:00Z");
    private static final byte[] NOTE = "regard.example/journal\n100\nAAAA\n\n— regard.example/journal xyz\n"
            .getBytes(StandardCharsets.UTF_8);

    private static TestTsa tsa;

    @BeforeAll
    static void tsa() throws Exception {
        tsa = TestTsa.create(GEN_TIME);
    }

    @Test
    void a_token_from_the_trusted_tsa_over_the_note_is_valid_and_gives_its_gen_time() {
        TimestampCheck.Result result = new Rfc3161TimestampCheck(List.of(tsa.tsa)).check(NOTE, tsa.timestamp(NOTE));

        assertThat(result.valid()).as(result.message()).isTrue();
        assertThat(result.genTime()).hasValue(GEN_TIME);
        assertThat(result.message()).contains("CN=Regard Test TSA");
    }

    @Test
    void trusting_only_the_ca_accepts_the_tsa_certificate_carried_by_the_token() {
        TimestampCheck.Result result = new Rfc3161TimestampCheck(List.of(tsa.ca)).check(NOTE, tsa.timestamp(NOTE));

        assertThat(result.valid()).as(result.message()).isTrue();
    }

    @Test
    void a_token_over_another_note_is_refused() {
        byte[] other = "another note\n".getBytes(StandardCharsets.UTF_8);

        TimestampCheck.Result result = new Rfc3161TimestampCheck(List.of(tsa.tsa)).check(NOTE, tsa.timestamp(other));

        assertThat(result.valid()).isFalse();
        assertThat(result.message()).isEqualTo("l'empreinte horodatée n'est pas celle de ce point de contrôle");
    }

    @Test
    void a_tampered_token_is_refused() {
        byte[] token = tsa.timestamp(NOTE);
        int genTimeAt = indexOf(token, "20261125210000Z".getBytes(StandardCharsets.US_ASCII));
        token[genTimeAt + 11] = '5';

        TimestampCheck.Result result = new Rfc3161TimestampCheck(List.of(tsa.tsa)).check(NOTE, token);

        assertThat(result.valid()).isFalse();
        assertThat(result.message()).startsWith("signature du jeton invalide");
    }

    @Test
    void garbage_is_refused_without_an_exception() {
        TimestampCheck.Result result = new Rfc3161TimestampCheck(List.of(tsa.tsa)).check(NOTE, new byte[] {1, 2, 3});

        assertThat(result.valid()).isFalse();
        assertThat(result.message()).startsWith("jeton illisible");
    }

    @Test
    void a_token_from_another_tsa_is_refused() throws Exception {
        TestTsa stranger = TestTsa.create(GEN_TIME);

        TimestampCheck.Result result = new Rfc3161TimestampCheck(List.of(tsa.ca)).check(NOTE, stranger.timestamp(NOTE));

        assertThat(result.valid()).isFalse();
        assertThat(result.message()).contains("n'est pas issu d'un certificat de confiance");
    }

    @Test
    void a_tsa_certificate_whose_time_stamping_usage_is_not_critical_is_refused() {
        byte[] token = tsa.timestampNamingTheLaxTwin(NOTE);

        TimestampCheck.Result result = new Rfc3161TimestampCheck(List.of(tsa.laxTwin)).check(NOTE, token);

        assertThat(result.valid()).isFalse();
        assertThat(result.message()).contains("critical");
    }

    @Test
    void pem_chains_are_read_in_order() {
        assertThat(PemCertificates.parse("comment\n" + tsa.pem())).containsExactly(tsa.tsa, tsa.ca);
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i <= haystack.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        throw new IllegalArgumentException("not found");
    }
}
