package fr.regard.archive.application;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** What a case's hold action says to the DPO, and how named cameras are read. */
class HoldNotesTest {

    private final HoldTexts texts = new HoldTexts();

    @Test
    @DisplayName("cameras named by a case are read whatever the separator, each once, blanks ignored")
    void namedCameras() {
        assertThat(FootageHolds.parseCameras(" LIL-002, LIL-001;LIL-002  HEL-001 ,, ")).containsExactly("HEL-001",
                "LIL-001", "LIL-002");
        assertThat(FootageHolds.parseCameras(null)).isEmpty();
        assertThat(FootageHolds.parseCameras("  ")).isEmpty();
    }

    @Test
    @DisplayName("the note says how many cameras, why all of them, the window in Paris time, and the unknown ids")
    void placedNote() {
        Instant start = Instant.parse("2026-11-20T13:30:00Z");
        String all = texts.placedNote(120, true, start, start.plusSeconds(1800), List.of());
        assertThat(all).startsWith("Gel posé sur 120 caméras (toutes les caméras du registre")
                .contains("du 20/11/2026 14:30 au 20/11/2026 15:00 (heure de Paris)")
                .doesNotContain("inconnues");
        String named = texts.placedNote(1, false, start, start.plusSeconds(60), List.of("CAM-042", "XYZ-001"));
        assertThat(named).startsWith("Gel posé sur 1 caméra, du")
                .endsWith("Caméras inconnues du registre, non gelées : CAM-042, XYZ-001.");
        assertThat(texts.nothingHeldNote()).contains("registre des caméras est vide", "À traiter sans délai");
        assertThat(texts.releasedNote(0)).isEqualTo("Aucun gel actif à lever pour ce dossier.");
        assertThat(texts.releasedNote(2)).isEqualTo("Gel levé sur 2 caméras.");
    }
}
