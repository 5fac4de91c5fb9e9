package fr.regard.archive.media;

import static org.assertj.core.api.Assertions.assertThat;

import fr.regard.archive.domain.SegmentRef;
import fr.regard.archive.infrastructure.DemoCameras;
import fr.regard.archive.infrastructure.FilesystemRecordingArchive;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The embedded default's recorder fills the recent past once, then adds each minute that ends. */
class DemoFootageTest {

    static final Instant NOW = Instant.parse("2026-11-20T13:33:20Z");

    @TempDir
    Path root;

    @Test
    @DisplayName("The demo cameras are registry cameras, and the backfill is bounded")
    void demoCamerasExist() {
        List<String> registered = DemoCameras.read().stream().map(c -> c.id()).toList();
        assertThat(registered).containsAll(DemoFootage.CAMERAS);
        assertThat(DemoFootage.CAMERAS.size() * DemoFootage.BACKFILL.toMinutes()).isLessThanOrEqualTo(600);
    }

    @Test
    @DisplayName("A pass records every ended minute of the window not yet there, newest first; the next pass only what ended since")
    void backfillThenEachMinute() {
        DemoFootage demo = new DemoFootage(root, new SyntheticFootage(), Map.of("LIL-004", "Rue Neuve",
                "HEL-001", "Mairie d'Hellemmes"));
        Duration backfill = Duration.ofMinutes(3);
        assertThat(demo.missing(NOW, backfill)).containsExactly(
                new DemoFootage.Minute("HEL-001", Instant.parse("2026-11-20T13:32:00Z")),
                new DemoFootage.Minute("LIL-004", Instant.parse("2026-11-20T13:32:00Z")),
                new DemoFootage.Minute("HEL-001", Instant.parse("2026-11-20T13:31:00Z")),
                new DemoFootage.Minute("LIL-004", Instant.parse("2026-11-20T13:31:00Z")),
                new DemoFootage.Minute("HEL-001", Instant.parse("2026-11-20T13:30:00Z")),
                new DemoFootage.Minute("LIL-004", Instant.parse("2026-11-20T13:30:00Z")));
        assertThat(demo.recordMissing(NOW, backfill, () -> false)).isEqualTo(6);

        var archive = new FilesystemRecordingArchive(root, e -> { });
        var listing = archive.segments(List.of("LIL-004", "HEL-001"), NOW.minus(backfill), NOW);
        assertThat(listing.skipped()).isEmpty();
        assertThat(listing.segments()).extracting(SegmentRef::location).containsExactly(
                "HEL-001/20261120/133000-60.mp4", "LIL-004/20261120/133000-60.mp4",
                "HEL-001/20261120/133100-60.mp4", "LIL-004/20261120/133100-60.mp4",
                "HEL-001/20261120/133200-60.mp4", "LIL-004/20261120/133200-60.mp4");

        assertThat(demo.recordMissing(NOW.plusSeconds(30), backfill, () -> false)).isZero(); // 13:33 not ended
        Instant later = Instant.parse("2026-11-20T13:34:01Z");
        assertThat(demo.missing(later, backfill)).extracting(DemoFootage.Minute::start)
                .containsOnly(Instant.parse("2026-11-20T13:33:00Z"));
    }

    @Test
    @DisplayName("A pass stops between segments when the server stops")
    void stopsWhenAsked() {
        DemoFootage demo = new DemoFootage(root, new SyntheticFootage(), Map.of("LIL-004", "Rue Neuve"));
        AtomicInteger asked = new AtomicInteger();
        assertThat(demo.recordMissing(NOW, Duration.ofMinutes(30), () -> asked.incrementAndGet() > 2)).isEqualTo(2);
        assertThat(demo.missing(NOW, Duration.ofMinutes(30))).hasSize(28);
    }
}
