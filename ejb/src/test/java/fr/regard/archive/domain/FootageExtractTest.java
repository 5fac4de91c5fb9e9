package fr.regard.archive.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class FootageExtractTest {

    static final Instant T = Instant.parse("2026-11-20T13:00:00Z");

    static FootageExtract queued() {
        return new FootageExtract(7, 3, "DA-2026-000042", "LIL-001", T, T.plusSeconds(600),
                "{\"thirdParties\":[],\"privacyMasks\":[]}", ExtractPurpose.ACCESS_COPY, " Copie ", "op", "operator",
                T.plusSeconds(3600));
    }

    static ExtractOutput output() {
        return new ExtractOutput("DA-2026-000042/extract-1-LIL-001.mp4", 1234, "a".repeat(64), 600_000, 1200, T,
                T.plusSeconds(600), "[]", "[]", "jcodec 0.2.5");
    }

    @Test
    @DisplayName("queued → running (claimed once) → done; progress in percent; the purpose is stripped and mandatory")
    void lifecycle() {
        FootageExtract e = queued();
        assertThat(e.status()).isEqualTo(ExtractStatus.QUEUED);
        assertThat(e.purpose()).isEqualTo("Copie");
        assertThat(e.claim("node-a", T)).isTrue();
        assertThat(e.claim("node-b", T)).as("a second worker gets nothing").isFalse();
        e.progress(300, 1200, T.plusSeconds(1));
        assertThat(e.percent()).isEqualTo(25);
        e.succeed(output(), T.plusSeconds(2));
        assertThat(e.status()).isEqualTo(ExtractStatus.DONE);
        assertThat(e.percent()).isEqualTo(100);
        assertThat(e.outputSha256()).isEqualTo("a".repeat(64));
        e.destroyed(T.plusSeconds(5), "system", "a".repeat(64), "ok", T.plusSeconds(4));
        assertThat(e.status()).isEqualTo(ExtractStatus.DESTROYED);
        assertThatThrownBy(() -> e.fail("x", T)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> new FootageExtract(1, 1, "R", "LIL-001", T, T.plusSeconds(1), "{}",
                ExtractPurpose.DPO_REVIEW, " ", "op", "operator", T)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    @DisplayName("a queued extract is cancelled at once; a running one when its worker next reports")
    void cancellation() {
        FootageExtract waiting = queued();
        assertThat(waiting.requestCancel(T)).isTrue();
        assertThat(waiting.status()).isEqualTo(ExtractStatus.CANCELLED);
        assertThat(waiting.claim("n", T)).isFalse();

        FootageExtract running = queued();
        running.claim("n", T);
        assertThat(running.requestCancel(T)).isFalse();
        assertThat(running.status()).isEqualTo(ExtractStatus.RUNNING);
        assertThat(running.cancelRequested()).isTrue();
        running.cancelled(T);
        assertThat(running.status()).isEqualTo(ExtractStatus.CANCELLED);
        assertThatThrownBy(() -> running.requestCancel(T)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    @DisplayName("a run interrupted by a restart is queued again twice, then fails with the reason on the third")
    void interrupted() {
        FootageExtract e = queued();
        for (int attempt = 1; attempt < FootageExtract.MAX_ATTEMPTS; attempt++) {
            e.claim("n", T);
            e.useSources(List.of(new ExtractSource(1, "LIL-001", T, T.plusSeconds(60), 10, "b".repeat(64),
                    "LIL-001/20261120/130000-60.mp4")));
            assertThat(e.interrupted("Extraction interrompue.", T)).isTrue();
            assertThat(e.status()).isEqualTo(ExtractStatus.QUEUED);
        }
        e.claim("n", T);
        assertThat(e.sources()).hasSize(1);
        assertThat(e.interrupted("Extraction interrompue.", T)).isFalse();
        assertThat(e.status()).isEqualTo(ExtractStatus.FAILED);
        assertThat(e.failure()).isEqualTo("Extraction interrompue. Abandon après 3 tentatives.");
    }
}
