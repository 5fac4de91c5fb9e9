package fr.regard.archive.infrastructure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.regard.archive.domain.ArchiveException;
import fr.regard.archive.domain.RecordingArchive;
import fr.regard.archive.domain.RecordingArchiveContract;
import fr.regard.archive.domain.SegmentRef;
import fr.regard.archive.domain.SkippedEntry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The filesystem archive passes the seam's test kit, plus the scenarios of its own layout. */
class FilesystemRecordingArchiveTest extends RecordingArchiveContract {

    @TempDir
    Path temp;

    Path root;

    final List<SkippedEntry> reported = new ArrayList<>();

    @Override
    protected RecordingArchive newArchive() throws Exception {
        root = Files.createDirectories(temp.resolve("archive"));
        return new FilesystemRecordingArchive(root, reported::add);
    }

    @Override
    protected void record(String cameraId, Instant start, Duration duration, byte[] content) throws Exception {
        Path file = root.resolve(FilesystemRecordingArchive.locationOf(cameraId, start, duration));
        Files.createDirectories(file.getParent());
        Files.write(file, content);
    }

    @Override
    protected int plantUnexpectedEntries(String cameraId, Instant near) throws Exception {
        Path day = root.resolve(FilesystemRecordingArchive.locationOf(cameraId, near, MINUTE)).getParent();
        Files.createDirectories(day);
        Files.writeString(day.resolve("notes.txt"), "relevé du technicien");
        Files.write(day.resolve("133500-60.mp4.part"), mp4("being written"));
        Files.write(day.resolve("133600-60.mp4"), new byte[0]);
        Files.writeString(day.resolve("133700-60.mp4"), "<html>not a video</html>");
        Files.write(day.resolve("133800-60.mp4"), new byte[] {0, 0, 0});
        Files.createDirectories(day.resolve("133900-60.mp4"));
        Files.write(day.resolve("250000-60.mp4"), mp4("no such hour"));
        Files.write(day.resolve("134000-7200.mp4"), mp4("two hours"));
        Files.write(day.getParent().resolve("2026-11-20"), mp4("wrong day folder"));
        Path outside = Files.write(temp.resolve("outside.mp4"), mp4("outside"));
        Files.createSymbolicLink(day.resolve("134100-60.mp4"), outside);
        return 10;
    }

    @Test
    @DisplayName("layout: {camera}/{yyyyMMdd}/{HHmmss}-{seconds}.mp4 in UTC")
    void layout() throws Exception {
        Instant start = Instant.parse("2026-11-20T13:30:05Z");
        record("LIL-042", start, Duration.ofSeconds(60), mp4("x"));

        SegmentRef segment = archive.segments(List.of("LIL-042"), start, start.plusSeconds(1)).segments().get(0);

        assertThat(segment.location()).isEqualTo("LIL-042/20261120/133005-60.mp4");
        assertThat(root.resolve("LIL-042/20261120/133005-60.mp4")).exists();
        assertThat(segment.end()).isEqualTo(Instant.parse("2026-11-20T13:31:05Z"));
    }

    @Test
    @DisplayName("skipped entries also reach the listener, with their location and reason")
    void listenerHearsSkippedEntries() throws Exception {
        plantUnexpectedEntries("LIL-042", T0);

        archive.segments(List.of("LIL-042"), T0, T0.plusSeconds(3600));

        assertThat(reported).hasSize(10);
        assertThat(reported).anySatisfy(s -> {
            assertThat(s.location()).isEqualTo("LIL-042/20261120/133600-60.mp4");
            assertThat(s.reason()).contains("empty");
        });
        assertThat(reported).anySatisfy(s -> assertThat(s.reason()).contains("symbolic link"));
    }

    @Test
    @DisplayName("an unreachable archive (missing root) is an error, never 'no footage'")
    void missingRoot() {
        RecordingArchive unmounted = new FilesystemRecordingArchive(root.resolve("not-mounted"), SkippedEntry.Listener.NONE);

        assertThatThrownBy(() -> unmounted.segments(List.of("LIL-001"), T0, T0.plusSeconds(60)))
                .isInstanceOf(ArchiveException.class);
        assertThatThrownBy(unmounted::cameras).isInstanceOf(ArchiveException.class);
    }

    @Test
    @DisplayName("folders and files at the root that are not camera ids are not cameras")
    void strangeRootEntries() throws Exception {
        record("LIL-001", T0, MINUTE, mp4("a"));
        Files.createDirectories(root.resolve(".snapshot"));
        Files.createDirectories(root.resolve("lost+found"));
        Files.writeString(root.resolve("README"), "archive");

        assertThat(archive.cameras()).containsExactly("LIL-001");
    }

    @Test
    @DisplayName("a segment replaced since it was listed (other size) is not destroyed")
    void replacedSegmentNotDeleted() throws Exception {
        record("LIL-042", T0, MINUTE, mp4("original"));
        SegmentRef listed = archive.segments(List.of("LIL-042"), T0, T0.plus(MINUTE)).segments().get(0);
        record("LIL-042", T0, MINUTE, mp4("a longer replacement"));

        assertThatThrownBy(() -> archive.delete(listed)).isInstanceOf(ArchiveException.class);
        assertThat(root.resolve(listed.location())).exists();
    }

    @Test
    @DisplayName("the day folder goes once its last segment is destroyed")
    void emptyDayFolderRemoved() throws Exception {
        record("LIL-042", T0, MINUTE, mp4("only"));
        SegmentRef only = archive.segments(List.of("LIL-042"), T0, T0.plus(MINUTE)).segments().get(0);

        archive.delete(only);

        assertThat(root.resolve("LIL-042/20261120")).doesNotExist();
        assertThat(root.resolve("LIL-042")).isDirectory();
    }

    @Test
    @DisplayName("the layout only holds whole-second segments of 1 s to 1 h")
    void layoutBounds() {
        assertThatThrownBy(() -> FilesystemRecordingArchive.locationOf("LIL-001", T0, Duration.ofHours(2)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> FilesystemRecordingArchive.locationOf("LIL-001", T0.plusMillis(5), MINUTE))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> FilesystemRecordingArchive.locationOf("../x", T0, MINUTE))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    @DisplayName("a listener that fails does not stop the listing either")
    void failingListener() throws Exception {
        record("LIL-042", T0, MINUTE, mp4("good"));
        plantUnexpectedEntries("LIL-042", T0);
        RecordingArchive withBadListener = new FilesystemRecordingArchive(root, entry -> {
            throw new IllegalStateException("console down");
        });

        var listing = withBadListener.segments(List.of("LIL-042"), T0, T0.plusSeconds(3600));

        assertThat(listing.segments()).hasSize(1);
        assertThat(listing.skipped()).hasSize(10);
    }
}
