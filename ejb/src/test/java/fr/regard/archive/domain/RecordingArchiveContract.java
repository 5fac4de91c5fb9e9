package fr.regard.archive.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The test kit of the {@link RecordingArchive} seam: every implementation (the filesystem default, a VMS connector)
 * extends this class and passes every scenario unchanged. The subclass provides a fresh, empty archive per test and
 * a way to put footage in it as the recorder would ({@link #record}) and to plant entries that are not segments.
 */
public abstract class RecordingArchiveContract {

    /** 20 Nov 2026, 13:30 UTC (14:30 in Lille): the facts of the reference request. */
    protected static final Instant T0 = Instant.parse("2026-11-20T13:30:00Z");
    protected static final Duration MINUTE = Duration.ofMinutes(1);

    protected RecordingArchive archive;

    /** A fresh, empty archive, reachable (its root or endpoint exists). */
    protected abstract RecordingArchive newArchive() throws Exception;

    /** Stores a segment as the recorder would; {@code content} is a small valid MP4 head (see {@link #mp4}). */
    protected abstract void record(String cameraId, Instant start, Duration duration, byte[] content) throws Exception;

    /**
     * Plants, for the camera's day of {@code near}, entries that are not readable segments (odd names, empty or
     * partial files, non-MP4 content…) and returns how many of them fall in the window {@code [near, near + 1 h)}
     * and must therefore be reported by a listing of that window.
     */
    protected abstract int plantUnexpectedEntries(String cameraId, Instant near) throws Exception;

    @BeforeEach
    void freshArchive() throws Exception {
        archive = newArchive();
    }

    /** A minimal MP4 head (an {@code ftyp} box) followed by a marker that tells segments apart. */
    protected static byte[] mp4(String marker) {
        return SegmentFiles.mp4(marker);
    }

    private void minutes(String camera, Instant first, int count) throws Exception {
        for (int i = 0; i < count; i++) {
            Instant start = first.plus(MINUTE.multipliedBy(i));
            record(camera, start, MINUTE, mp4(camera + "@" + start));
        }
    }

    @Test
    @DisplayName("an empty archive has no cameras and no segments")
    void emptyArchive() {
        assertThat(archive.cameras()).isEmpty();
        assertThat(archive.segments(List.of("LIL-001"), T0, T0.plusSeconds(3600)).segments()).isEmpty();
    }

    @Test
    @DisplayName("a window [from, to) holds the segments that overlap it, not those that only touch it")
    void windowBoundaries() throws Exception {
        minutes("LIL-042", T0, 5); // 13:30 … 13:35

        SegmentListing exact = archive.segments(List.of("LIL-042"), T0.plus(MINUTE), T0.plus(MINUTE.multipliedBy(3)));
        assertThat(exact.segments()).extracting(SegmentRef::start)
                .containsExactly(T0.plus(MINUTE), T0.plus(MINUTE.multipliedBy(2)));

        SegmentListing inside = archive.segments(List.of("LIL-042"), T0.plusSeconds(90), T0.plusSeconds(91));
        assertThat(inside.segments()).extracting(SegmentRef::start).containsExactly(T0.plus(MINUTE));

        assertThat(archive.segments(List.of("LIL-042"), T0.minus(MINUTE), T0).segments())
                .as("a segment starting at the window's end is outside").isEmpty();
        assertThat(archive.segments(List.of("LIL-042"), T0.plus(MINUTE.multipliedBy(5)), T0.plusSeconds(3600))
                .segments()).as("a segment ending at the window's start is outside").isEmpty();
        assertThat(archive.segments(List.of("LIL-042"), T0.plusSeconds(60), T0.plusSeconds(60)).segments())
                .as("an empty window holds nothing").isEmpty();
    }

    @Test
    @DisplayName("a segment started the day before (UTC) is found by a window just after midnight")
    void acrossMidnight() throws Exception {
        Instant lateStart = Instant.parse("2026-11-20T23:59:30Z");
        record("LIL-007", lateStart, MINUTE, mp4("late"));

        SegmentListing listing = archive.segments(List.of("LIL-007"),
                Instant.parse("2026-11-21T00:00:00Z"), Instant.parse("2026-11-21T00:10:00Z"));

        assertThat(listing.segments()).singleElement().satisfies(s -> {
            assertThat(s.start()).isEqualTo(lateStart);
            assertThat(s.end()).isEqualTo(lateStart.plus(MINUTE));
        });
    }

    @Test
    @DisplayName("segments of several cameras come ordered by start, then camera, with their size")
    void ordering() throws Exception {
        minutes("LIL-002", T0, 3);
        minutes("LIL-001", T0.plusSeconds(30), 3);
        record("LIL-003", T0.minus(MINUTE), MINUTE, mp4("outside"));

        SegmentListing listing = archive.segments(List.of("LIL-002", "LIL-001"), T0, T0.plus(MINUTE.multipliedBy(3)));

        assertThat(listing.segments()).extracting(s -> s.cameraId() + " " + s.start()).containsExactly(
                "LIL-002 2026-11-20T13:30:00Z", "LIL-001 2026-11-20T13:30:30Z",
                "LIL-002 2026-11-20T13:31:00Z", "LIL-001 2026-11-20T13:31:30Z",
                "LIL-002 2026-11-20T13:32:00Z", "LIL-001 2026-11-20T13:32:30Z");
        assertThat(listing.segments()).allSatisfy(s -> {
            assertThat(s.size()).isEqualTo(mp4(s.cameraId() + "@" + s.start()).length);
            assertThat(s.duration()).isEqualTo(MINUTE);
        });
        assertThat(listing.skipped()).isEmpty();
    }

    @Test
    @DisplayName("an unknown camera has no footage: an empty listing, not an error")
    void unknownCamera() throws Exception {
        minutes("LIL-001", T0, 2);

        SegmentListing listing = archive.segments(List.of("LIL-999", "LIL-001"), T0, T0.plusSeconds(3600));

        assertThat(listing.segments()).extracting(SegmentRef::cameraId).containsOnly("LIL-001").hasSize(2);
        assertThat(archive.segments(List.of("LIL-999"), T0, T0.plusSeconds(3600)).isEmpty()).isTrue();
    }

    @Test
    @DisplayName("a camera id that could escape the archive is refused before any access")
    void unsafeCameraIds() {
        for (String unsafe : List.of("../etc", "..", "LIL-001/../LIL-002", "/etc", "LIL 001", "", "LIL-001\u0000")) {
            assertThatThrownBy(() -> archive.segments(List.of(unsafe), T0, T0.plusSeconds(60)))
                    .as(unsafe).isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    @DisplayName("the cameras present are listed, sorted")
    void camerasPresent() throws Exception {
        record("LIL-010", T0, MINUTE, mp4("a"));
        record("HEL-002", T0, MINUTE, mp4("b"));
        record("LIL-003", T0, MINUTE, mp4("c"));

        assertThat(archive.cameras()).containsExactly("HEL-002", "LIL-003", "LIL-010");
    }

    @Test
    @DisplayName("a listed segment reads back byte for byte")
    void openReadsContent() throws Exception {
        record("LIL-042", T0, MINUTE, mp4("the bytes of 13:30"));
        SegmentRef segment = archive.segments(List.of("LIL-042"), T0, T0.plus(MINUTE)).segments().get(0);

        try (InputStream in = archive.open(segment)) {
            assertThat(in.readAllBytes()).isEqualTo(mp4("the bytes of 13:30"));
        }
    }

    @Test
    @DisplayName("deletion is verified: true once, the segment is gone, then false; opening it fails")
    void deletionVerified() throws Exception {
        minutes("LIL-042", T0, 3);
        List<SegmentRef> before = archive.segments(List.of("LIL-042"), T0, T0.plusSeconds(3600)).segments();
        SegmentRef middle = before.get(1);

        assertThat(archive.delete(middle)).isTrue();
        assertThat(archive.delete(middle)).as("already gone").isFalse();

        assertThat(archive.segments(List.of("LIL-042"), T0, T0.plusSeconds(3600)).segments())
                .containsExactly(before.get(0), before.get(2));
        assertThatThrownBy(() -> archive.open(middle)).isInstanceOf(NoSuchSegmentException.class);
    }

    @Test
    @DisplayName("the last segment of a camera can be deleted; the camera then has no footage left")
    void deleteLast() throws Exception {
        record("LIL-042", T0, MINUTE, mp4("only"));
        SegmentRef only = archive.segments(List.of("LIL-042"), T0, T0.plus(MINUTE)).segments().get(0);

        assertThat(archive.delete(only)).isTrue();

        assertThat(archive.segments(List.of("LIL-042"), T0.minusSeconds(86_400), T0.plusSeconds(86_400)).segments())
                .isEmpty();
    }

    @Test
    @DisplayName("a reference the archive did not list (forged location) is neither opened nor deleted")
    void forgedReference() throws Exception {
        record("LIL-042", T0, MINUTE, mp4("real"));
        SegmentRef forged = new SegmentRef("LIL-042", T0, T0.plus(MINUTE), 24, "../../etc/passwd");

        assertThatThrownBy(() -> archive.open(forged)).isInstanceOf(RuntimeException.class);
        assertThatThrownBy(() -> archive.delete(forged)).isInstanceOf(RuntimeException.class);
        assertThat(archive.segments(List.of("LIL-042"), T0, T0.plus(MINUTE)).segments()).hasSize(1);
    }

    @Test
    @DisplayName("unexpected, partial or corrupt entries are skipped and reported; the listing goes on")
    void unexpectedEntriesReported() throws Exception {
        minutes("LIL-042", T0, 3);
        int planted = plantUnexpectedEntries("LIL-042", T0);

        SegmentListing listing = archive.segments(List.of("LIL-042"), T0, T0.plusSeconds(3600));

        assertThat(listing.segments()).hasSize(3);
        assertThat(listing.skipped()).hasSize(planted);
        assertThat(listing.skipped()).allSatisfy(s -> assertThat(s.reason()).isNotBlank());
    }

    @Test
    @DisplayName("a window that ends before it starts is refused")
    void invertedWindow() {
        assertThatThrownBy(() -> archive.segments(List.of("LIL-001"), T0, T0.minusSeconds(1)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    /** Reads a stream fully (helper for subclasses' own scenarios). */
    protected static byte[] readAll(InputStream in) throws IOException {
        try (in) {
            return in.readAllBytes();
        }
    }
}
