package fr.regard.archive.media;

import fr.regard.archive.infrastructure.FilesystemRecordingArchive;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import org.jcodec.common.model.Picture;

/**
 * Records synthetic footage for the embedded default and the tests: real, playable H.264 MP4 segments of a street
 * scene with the camera's id, name and the local date and time burned in, written into the filesystem archive layout
 * ({@code {root}/{cameraId}/{yyyyMMdd}/{HHmmss}-{seconds}.mp4}, UTC).
 *
 * <p>Small and slow on purpose ({@value #DEFAULT_WIDTH}×{@value #DEFAULT_HEIGHT}, {@value #DEFAULT_FPS} frames per
 * second, a key frame every {@value #KEY_INTERVAL_SECONDS} s): a one-minute segment encodes in 0.6–1.1 s of one core in
 * pure Java (docs/performance.md). A segment is written under a hidden temporary name in its day folder and
 * moved into place when complete, so an archive listing never sees half a segment.
 */
public final class SyntheticFootage {

    public static final int DEFAULT_WIDTH = 320;
    public static final int DEFAULT_HEIGHT = 180;
    public static final int DEFAULT_FPS = 2;
    public static final int KEY_INTERVAL_SECONDS = 10;

    private final int width;
    private final int height;
    private final int fps;

    public SyntheticFootage() {
        this(DEFAULT_WIDTH, DEFAULT_HEIGHT, DEFAULT_FPS);
    }

    public SyntheticFootage(int width, int height, int fps) {
        if (width % 2 != 0 || height % 2 != 0 || width < 64 || height < 64 || width > 1920 || height > 1080) {
            throw new IllegalArgumentException("Frame size must be even, 64×64 to 1920×1080: " + width + "×" + height);
        }
        if (fps < 1 || fps > 30) {
            throw new IllegalArgumentException("Frame rate must be 1 to 30 frames per second: " + fps);
        }
        this.width = width;
        this.height = height;
        this.fps = fps;
    }

    public int width() {
        return width;
    }

    public int height() {
        return height;
    }

    public int fps() {
        return fps;
    }

    /** Where the segment of this camera starting at {@code start} lasting {@code seconds} lies under {@code root}. */
    public static Path segmentPath(Path root, String cameraId, Instant start, int seconds) {
        return root.resolve(FilesystemRecordingArchive.locationOf(cameraId, start, Duration.ofSeconds(seconds)));
    }

    /**
     * Records the segment [start, start + seconds) of a camera into the archive under {@code root} and returns its
     * path. An existing segment at that place is replaced (the same camera and instants give the same pictures).
     *
     * @param start   a whole second; the file is named after it in UTC
     * @param seconds 1 to {@value FilesystemRecordingArchive#MAX_SEGMENT_SECONDS}
     */
    public Path record(Path root, String cameraId, String cameraName, Instant start, int seconds) {
        Path target = segmentPath(root, cameraId, start, seconds);
        Path temporary = target.resolveSibling("." + target.getFileName() + ".tmp");
        try {
            Files.createDirectories(target.getParent());
            writeSegment(temporary, new StreetScene(cameraId, cameraName, width, height), start, seconds);
            moveIntoPlace(temporary, target);
            return target;
        } catch (IOException e) {
            deleteQuietly(temporary);
            throw new UncheckedIOException("Cannot record synthetic segment " + target, e);
        } catch (RuntimeException e) {
            deleteQuietly(temporary);
            throw e;
        }
    }

    /** Writes an MP4 of the scene for [start, start + seconds) at {@code file} (no archive layout, no atomic move). */
    public void write(Path file, String cameraId, String cameraName, Instant start, int seconds) throws IOException {
        writeSegment(file, new StreetScene(cameraId, cameraName, width, height), start, seconds);
    }

    /** The RGB picture of the scene at an instant, as it is encoded (for tests that compare decoded frames with it). */
    int[] picture(String cameraId, String cameraName, Instant instant) {
        return new StreetScene(cameraId, cameraName, width, height).frame(instant);
    }

    private void writeSegment(Path file, StreetScene scene, Instant start, int seconds) throws IOException {
        Objects.requireNonNull(start, "start");
        if (seconds < 1 || seconds > FilesystemRecordingArchive.MAX_SEGMENT_SECONDS) {
            throw new IllegalArgumentException("A segment lasts 1 to " + FilesystemRecordingArchive.MAX_SEGMENT_SECONDS
                    + " seconds: " + seconds);
        }
        int frames = seconds * fps;
        Picture picture = null;
        try (H264Mp4Writer writer = new H264Mp4Writer(file, width, height, fps, KEY_INTERVAL_SECONDS * fps)) {
            for (int frame = 0; frame < frames; frame++) {
                Instant instant = start.plusNanos(frame * 1_000_000_000L / fps);
                picture = YuvFrames.fromRgb(scene.frame(instant), width, height, picture);
                writer.encode(picture, frame, 1);
            }
            writer.finish();
        }
    }

    private static void moveIntoPlace(Path temporary, Path target) throws IOException {
        try {
            Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            // nothing more to do: a hidden temporary file is skipped by the archive
        }
    }
}
