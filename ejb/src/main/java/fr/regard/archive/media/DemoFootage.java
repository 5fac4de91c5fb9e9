package fr.regard.archive.media;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.BooleanSupplier;

/**
 * The embedded default's recorder: keeps one-minute synthetic segments of a few demo cameras in the archive for the
 * recent past. Each pass records every minute of the last {@code backfill} that has ended and is not in the archive
 * yet, newest first: the first pass fills the recent hours, later passes add the minute that just ended. Bounded
 * work: at most (cameras × backfill minutes) segments, each about a second of one core.
 */
public final class DemoFootage {

    /** One camera per kind of place: the Grand Place, a shopping street, Vieux-Lille, Hellemmes' town hall. */
    public static final List<String> CAMERAS = List.of("LIL-001", "LIL-004", "LIL-030", "HEL-001");
    /** How far back the demo archive is kept filled: a demo data volume, not a legal period (those are in CasePolicy). */
    public static final Duration BACKFILL = Duration.ofMinutes(120);
    public static final int SEGMENT_SECONDS = 60;

    /** A segment the recorder is to write. */
    public record Minute(String cameraId, Instant start) {
    }

    private final Path root;
    private final SyntheticFootage footage;
    private final Map<String, String> names;

    /** @param names camera id → name shown in the overlay, for the cameras to record */
    public DemoFootage(Path root, SyntheticFootage footage, Map<String, String> names) {
        this.root = Objects.requireNonNull(root, "root");
        this.footage = Objects.requireNonNull(footage, "footage");
        this.names = Map.copyOf(names);
    }

    /** The minutes of [now − backfill, last ended minute) missing from the archive, newest first, camera by camera. */
    public List<Minute> missing(Instant now, Duration backfill) {
        Instant lastEnded = now.truncatedTo(ChronoUnit.MINUTES).minusSeconds(SEGMENT_SECONDS);
        Instant oldest = now.minus(backfill).truncatedTo(ChronoUnit.MINUTES);
        List<Minute> missing = new ArrayList<>();
        for (Instant start = lastEnded; !start.isBefore(oldest); start = start.minusSeconds(SEGMENT_SECONDS)) {
            for (String camera : names.keySet().stream().sorted().toList()) {
                if (!Files.exists(SyntheticFootage.segmentPath(root, camera, start, SEGMENT_SECONDS))) {
                    missing.add(new Minute(camera, start));
                }
            }
        }
        return missing;
    }

    /** Records what {@link #missing} lists, stopping early when {@code stop} says so; returns how many it wrote. */
    public int recordMissing(Instant now, Duration backfill, BooleanSupplier stop) {
        int written = 0;
        for (Minute minute : missing(now, backfill)) {
            if (stop.getAsBoolean()) {
                break;
            }
            footage.record(root, minute.cameraId(), names.get(minute.cameraId()), minute.start(), SEGMENT_SECONDS);
            written++;
        }
        return written;
    }
}
