package fr.regard.archive.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FootageHoldTest {

    static final Instant FROM = Instant.parse("2026-11-20T13:00:00Z");
    static final Instant TO = Instant.parse("2026-11-20T14:00:00Z");
    static final Instant PLACED = Instant.parse("2026-11-21T08:00:00Z");
    static final Instant LIMIT = Instant.parse("2027-03-21T22:59:59Z");

    static HoldPlacement caseHold(Instant from, Instant to) {
        return new HoldPlacement(HoldKind.CASE, 7L, "DA-2026-000007", null, from, to,
                "Préservation des images demandées (charte art. 3.2)", PLACED, "system", LIMIT);
    }

    static FootageHold row(String camera) {
        return caseHold(FROM, TO).rows(1, List.of(camera)).get(0);
    }

    @ParameterizedTest(name = "segment {0} – {1} on LIL-042: held = {2}")
    @CsvSource(textBlock = """
            2026-11-20T12:59:00Z, 2026-11-20T13:00:00Z, false
            2026-11-20T12:59:00Z, 2026-11-20T13:00:01Z, true
            2026-11-20T13:00:00Z, 2026-11-20T13:01:00Z, true
            2026-11-20T13:30:00Z, 2026-11-20T13:31:00Z, true
            2026-11-20T13:59:00Z, 2026-11-20T14:00:00Z, true
            2026-11-20T13:59:59Z, 2026-11-20T14:00:59Z, true
            2026-11-20T14:00:00Z, 2026-11-20T14:01:00Z, false
            2026-11-20T12:00:00Z, 2026-11-20T15:00:00Z, true
            2026-11-21T13:30:00Z, 2026-11-21T13:31:00Z, false
            """)
    @DisplayName("a hold keeps the segments overlapping its half-open window; touching an edge is not overlapping")
    void overlap(Instant start, Instant end, boolean held) {
        assertThat(row("LIL-042").covers("LIL-042", start, end)).isEqualTo(held);
    }

    @Test
    @DisplayName("a hold keeps only its own camera's footage, and nothing once released (first release recorded)")
    void cameraAndRelease() {
        FootageHold hold = row("LIL-042");
        assertThat(hold.covers("LIL-043", FROM, TO)).isFalse();
        assertThat(hold.release(TO, "dpo1", "Dossier clôturé")).isTrue();
        assertThat(hold.covers("LIL-042", FROM, TO)).isFalse();
        assertThat(hold.release(LIMIT, "dpo2", "Autre motif")).isFalse();
        assertThat(hold.releasedBy()).isEqualTo("dpo1");
        assertThat(hold.releaseReason()).isEqualTo("Dossier clôturé");
        assertThat(hold.isPastLimit(LIMIT.plusSeconds(1))).as("a released hold is never to review").isFalse();
    }

    @Test
    @DisplayName("an active hold is to review from its limit on, not before")
    void pastLimit() {
        FootageHold hold = row("LIL-042");
        assertThat(hold.isPastLimit(LIMIT.minusSeconds(1))).isFalse();
        assertThat(hold.isPastLimit(LIMIT)).isTrue();
    }

    @Test
    @DisplayName("one row per camera, each once, sharing the placement, window, reason and limit")
    void rowsPerCamera() {
        List<FootageHold> rows = caseHold(FROM, TO).rows(12, List.of("LIL-043", "LIL-042", "LIL-043"));
        assertThat(rows).extracting(FootageHold::cameraId).containsExactly("LIL-042", "LIL-043");
        assertThat(rows).allSatisfy(r -> {
            assertThat(r.placementId()).isEqualTo(12);
            assertThat(r.windowStart()).isEqualTo(FROM);
            assertThat(r.windowEnd()).isEqualTo(TO);
            assertThat(r.limitAt()).isEqualTo(LIMIT);
            assertThat(r.caseReference()).isEqualTo("DA-2026-000007");
            assertThat(r.isActive()).isTrue();
        });
    }

    @Test
    @DisplayName("facts at one instant hold the second that follows, so the segment recorded then is kept")
    void pointInTime() {
        FootageHold hold = caseHold(FROM, FROM).rows(1, List.of("LIL-042")).get(0);
        assertThat(hold.windowEnd()).isEqualTo(FROM.plusSeconds(1));
        assertThat(hold.covers("LIL-042", FROM, FROM.plusSeconds(60))).isTrue();
        assertThat(hold.covers("LIL-042", FROM.minusSeconds(60), FROM)).isFalse();
    }

    @Test
    @DisplayName("no hold without a reason, a case for a case hold, a requisition for a judicial hold, or a sane window")
    void refused() {
        assertThatIllegalArgumentException().isThrownBy(() -> new HoldPlacement(HoldKind.CASE, 7L, "DA-2026-000007",
                null, FROM, TO, "  ", PLACED, "system", LIMIT));
        assertThatIllegalArgumentException().isThrownBy(() -> new HoldPlacement(HoldKind.CASE, null, null, null,
                FROM, TO, "Motif", PLACED, "system", LIMIT));
        assertThatIllegalArgumentException().isThrownBy(() -> new HoldPlacement(HoldKind.JUDICIAL, null, null, " ",
                FROM, TO, "Enquête préliminaire", PLACED, "dpo1", LIMIT));
        assertThatIllegalArgumentException().isThrownBy(() -> new HoldPlacement(HoldKind.JUDICIAL, null, null,
                "PV 2026/1234", TO, FROM, "Enquête préliminaire", PLACED, "dpo1", LIMIT));
        HoldPlacement judicial = new HoldPlacement(HoldKind.JUDICIAL, null, null, " PV 2026/1234 ", FROM, TO,
                " Enquête préliminaire ", PLACED, "dpo1", LIMIT);
        assertThat(judicial.requisitionReference()).isEqualTo("PV 2026/1234");
        assertThat(judicial.reason()).isEqualTo("Enquête préliminaire");
    }
}
