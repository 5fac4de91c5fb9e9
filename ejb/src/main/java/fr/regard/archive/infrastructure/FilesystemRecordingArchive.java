package fr.regard.archive.infrastructure;

import fr.regard.archive.domain.ArchiveException;
import fr.regard.archive.domain.CameraIds;
import fr.regard.archive.domain.NoSuchSegmentException;
import fr.regard.archive.domain.RecordingArchive;
import fr.regard.archive.domain.SegmentListing;
import fr.regard.archive.domain.SegmentRef;
import fr.regard.archive.domain.SkippedEntry;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The default recording archive: a folder tree of MP4 segment files, as a VMS export or a mounted recorder share.
 *
 * <pre>
 * {root}/{cameraId}/{yyyyMMdd}/{HHmmss}-{durationSeconds}.mp4      (start date and time in UTC)
 * e.g. /srv/regard/archive/LIL-042/20261120/133000-60.mp4 = LIL-042, 13:30:00Z → 13:31:00Z on 20 Nov 2026
 * </pre>
 *
 * A segment is filed under the day it starts (UTC) and lasts 1 s to {@value #MAX_SEGMENT_SECONDS} s, so a window
 * query reads the day folders from (from − 1 h) to {@code to} only. Anything else is skipped and reported (to the
 * listener and in the listing), never fatal: other names, empty files, files whose first box is not {@code ftyp},
 * sub-folders, symbolic links (never followed). Camera ids are {@linkplain CameraIds checked} before they touch a
 * path, and a location is only accepted when it is exactly the one this archive derives from the segment's camera,
 * start and end: no path from outside can reach a file outside the root. A missing root is an
 * {@link ArchiveException} (an unmounted archive must never read as "no footage").
 */
public class FilesystemRecordingArchive implements RecordingArchive {

    /** The longest segment the layout admits; window queries look back this far. */
    public static final int MAX_SEGMENT_SECONDS = 3600;

    private static final Pattern DAY = Pattern.compile("\\d{8}");
    private static final Pattern SEGMENT = Pattern.compile("(\\d{6})-([1-9]\\d{0,4})\\.mp4");
    private static final DateTimeFormatter DAY_FORMAT = DateTimeFormatter.ofPattern("uuuuMMdd")
            .withResolverStyle(ResolverStyle.STRICT);
    private static final DateTimeFormatter TIME_FORMAT = DateTimeFormatter.ofPattern("HHmmss")
            .withResolverStyle(ResolverStyle.STRICT);
    private static final byte[] FTYP = "ftyp".getBytes(StandardCharsets.US_ASCII);

    private final Path root;
    private final SkippedEntry.Listener listener;

    public FilesystemRecordingArchive(Path root, SkippedEntry.Listener listener) {
        this.root = Objects.requireNonNull(root, "root").toAbsolutePath().normalize();
        this.listener = Objects.requireNonNull(listener, "listener");
    }

    /** The location (relative path, {@code /}-separated) of a segment of this layout. */
    public static String locationOf(String cameraId, Instant start, Duration duration) {
        CameraIds.check(cameraId);
        long seconds = duration.getSeconds();
        if (duration.getNano() != 0 || seconds < 1 || seconds > MAX_SEGMENT_SECONDS || start.getNano() != 0) {
            throw new IllegalArgumentException("Segments start on a whole second and last 1 to "
                    + MAX_SEGMENT_SECONDS + " whole seconds: " + start + ", " + duration);
        }
        var utc = start.atOffset(ZoneOffset.UTC);
        return cameraId + "/" + DAY_FORMAT.format(utc) + "/" + TIME_FORMAT.format(utc) + "-" + seconds + ".mp4";
    }

    @Override
    public SegmentListing segments(Collection<String> cameraIds, Instant from, Instant to) {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        if (to.isBefore(from)) {
            throw new IllegalArgumentException("The window ends before it starts: " + from + " → " + to);
        }
        List<String> cameras = cameraIds.stream().map(CameraIds::check).distinct().toList();
        requireRoot();
        LocalDate firstDay = LocalDate.ofInstant(from.minusSeconds(MAX_SEGMENT_SECONDS), ZoneOffset.UTC);
        LocalDate lastDay = LocalDate.ofInstant(to, ZoneOffset.UTC);
        List<SegmentRef> found = new ArrayList<>();
        List<SkippedEntry> skipped = new ArrayList<>();
        for (String camera : cameras) {
            Path cameraDir = root.resolve(camera);
            if (!Files.isDirectory(cameraDir, LinkOption.NOFOLLOW_LINKS)) {
                continue; // unknown camera: no footage
            }
            for (Path entry : entries(cameraDir, skipped)) {
                String name = entry.getFileName().toString();
                LocalDate day = DAY.matcher(name).matches() ? parseDay(name) : null;
                if (day == null || !Files.isDirectory(entry, LinkOption.NOFOLLOW_LINKS)) {
                    skip(skipped, camera + "/" + name, "not a day folder (yyyyMMdd)");
                } else if (!day.isBefore(firstDay) && !day.isAfter(lastDay)) {
                    for (Path file : entries(entry, skipped)) {
                        segment(camera, day, file, from, to, skipped).ifPresent(found::add);
                    }
                }
            }
        }
        return new SegmentListing(found, skipped);
    }

    private java.util.Optional<SegmentRef> segment(String camera, LocalDate day, Path file, Instant from, Instant to,
            List<SkippedEntry> skipped) {
        String location = camera + "/" + file.getParent().getFileName() + "/" + file.getFileName();
        Matcher name = SEGMENT.matcher(file.getFileName().toString());
        LocalTime time = name.matches() ? parseTime(name.group(1)) : null;
        int seconds = time == null ? 0 : Integer.parseInt(name.group(2));
        if (time == null || seconds > MAX_SEGMENT_SECONDS) {
            skip(skipped, location, "unexpected name (HHmmss-<1.." + MAX_SEGMENT_SECONDS + " seconds>.mp4)");
            return java.util.Optional.empty();
        }
        if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
            skip(skipped, location, Files.isSymbolicLink(file) ? "symbolic link, not followed" : "not a regular file");
            return java.util.Optional.empty();
        }
        Instant start = day.atTime(time).toInstant(ZoneOffset.UTC);
        Instant end = start.plusSeconds(seconds);
        if (!(start.isBefore(to) && end.isAfter(from))) {
            return java.util.Optional.empty();
        }
        try {
            long size = Files.size(file);
            if (size < 8) {
                skip(skipped, location, size == 0 ? "empty file (partial write?)" : "truncated file (" + size + " bytes)");
                return java.util.Optional.empty();
            }
            if (!startsWithFtyp(file)) {
                skip(skipped, location, "not an MP4 file (no ftyp box at the start)");
                return java.util.Optional.empty();
            }
            return java.util.Optional.of(new SegmentRef(camera, start, end, size, location));
        } catch (IOException e) {
            skip(skipped, location, "unreadable: " + e);
            return java.util.Optional.empty();
        }
    }

    @Override
    public InputStream open(SegmentRef segment) {
        Path file = pathOf(segment);
        if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
            throw new NoSuchSegmentException(segment);
        }
        try {
            return Files.newInputStream(file);
        } catch (NoSuchFileException e) {
            throw new NoSuchSegmentException(segment);
        } catch (IOException e) {
            throw new ArchiveException("Cannot open segment " + segment.location(), e);
        }
    }

    @Override
    public boolean delete(SegmentRef segment) {
        Path file = pathOf(segment);
        if (!Files.exists(file, LinkOption.NOFOLLOW_LINKS)) {
            return false;
        }
        try {
            if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS) || Files.size(file) != segment.size()) {
                throw new ArchiveException("Segment " + segment.location() + " is not the one listed ("
                        + segment.size() + " bytes): not destroyed");
            }
            Files.delete(file);
        } catch (NoSuchFileException e) {
            return false; // destroyed by someone else meanwhile
        } catch (IOException e) {
            throw new ArchiveException("Cannot destroy segment " + segment.location(), e);
        }
        if (Files.exists(file, LinkOption.NOFOLLOW_LINKS)) {
            throw new ArchiveException("Segment " + segment.location() + " is still there after deletion");
        }
        removeIfEmpty(file.getParent());
        return true;
    }

    @Override
    public SortedSet<String> cameras() {
        requireRoot();
        SortedSet<String> cameras = new TreeSet<>();
        List<SkippedEntry> skipped = new ArrayList<>();
        for (Path entry : entries(root, skipped)) {
            String name = entry.getFileName().toString();
            if (CameraIds.isSafe(name) && Files.isDirectory(entry, LinkOption.NOFOLLOW_LINKS)) {
                cameras.add(name);
            } else {
                skip(skipped, name, "not a camera folder");
            }
        }
        return cameras;
    }

    private Path pathOf(SegmentRef segment) {
        String expected = locationOf(segment.cameraId(), segment.start(), segment.duration());
        if (!expected.equals(segment.location())) {
            throw new IllegalArgumentException("Not a segment of this archive: " + segment.location());
        }
        Path file = root.resolve(expected).normalize();
        if (!file.startsWith(root)) {
            throw new IllegalArgumentException("Not a segment of this archive: " + segment.location());
        }
        return file;
    }

    private void requireRoot() {
        if (!Files.isDirectory(root)) {
            throw new ArchiveException("The recording archive is not reachable: " + root + " is not a folder");
        }
    }

    private List<Path> entries(Path dir, List<SkippedEntry> skipped) {
        List<Path> entries = new ArrayList<>();
        try (DirectoryStream<Path> stream = Files.newDirectoryStream(dir)) {
            stream.forEach(entries::add);
        } catch (IOException e) {
            if (dir.equals(root)) {
                throw new ArchiveException("Cannot list the recording archive " + root, e);
            }
            skip(skipped, root.relativize(dir).toString().replace('\\', '/'), "unreadable folder: " + e);
        }
        entries.sort(null);
        return entries;
    }

    private void skip(List<SkippedEntry> skipped, String location, String reason) {
        SkippedEntry entry = new SkippedEntry(location, reason);
        skipped.add(entry);
        try {
            listener.skipped(entry);
        } catch (RuntimeException e) {
            // a failing listener must not stop a listing either
        }
    }

    private static boolean startsWithFtyp(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            byte[] head = in.readNBytes(8);
            return head.length == 8 && Arrays.equals(head, 4, 8, FTYP, 0, 4);
        }
    }

    private static void removeIfEmpty(Path dayDir) {
        try {
            Files.deleteIfExists(dayDir);
        } catch (DirectoryNotEmptyException e) {
            // other segments of the day remain
        } catch (IOException e) {
            // an empty day folder left behind is harmless
        }
    }

    private static LocalDate parseDay(String name) {
        try {
            return LocalDate.parse(name, DAY_FORMAT);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static LocalTime parseTime(String text) {
        try {
            return LocalTime.parse(text, TIME_FORMAT);
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
