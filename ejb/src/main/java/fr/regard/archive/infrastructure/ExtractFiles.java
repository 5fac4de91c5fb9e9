package fr.regard.archive.infrastructure;

import fr.regard.platform.infrastructure.DataDirectory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.Optional;
import java.util.stream.Stream;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The extracts folder ({@code regard.extracts.dir}, default {@code <regard.data.dir>/extracts}): one sub-folder per
 * case ({@code DA-2026-000042/extract-17-LIL-004.mp4}) and a {@code .work} folder for the copies of source segments
 * an extraction is working on. Never served by the web server: files leave only through the staff download (journalled)
 * and, later, the citizen's expiring link.
 */
@ApplicationScoped
public class ExtractFiles {

    @Inject
    @ConfigProperty(name = "regard.extracts.dir")
    Optional<String> configured;

    @Inject
    @ConfigProperty(name = "regard.extracts.stale-after", defaultValue = "PT2M")
    String staleAfter;

    @Inject
    DataDirectory data;

    public Path root() {
        Path root = configured.map(String::strip).filter(s -> !s.isEmpty()).map(Path::of)
                .orElseGet(() -> data.root().resolve("extracts")).toAbsolutePath().normalize();
        try {
            return Files.createDirectories(root);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create the extracts folder " + root + " (regard.extracts.dir)", e);
        }
    }

    /** A running extract whose last progress is older than this was interrupted (its node stopped). */
    public Duration staleAfter() {
        try {
            return Duration.parse(staleAfter.strip());
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("regard.extracts.stale-after is an ISO-8601 duration such as PT2M: "
                    + staleAfter, e);
        }
    }

    /** Where the output of an extract goes, relative to the root (its {@code output_location}). */
    public static String locationOf(String caseReference, long extractId, String cameraId) {
        return caseReference + "/extract-" + extractId + "-" + cameraId + ".mp4";
    }

    /** The file of a location, refused when it would lie outside the root. */
    public Path resolve(String location) {
        Path root = root();
        Path file = root.resolve(location).normalize();
        if (!file.startsWith(root) || file.equals(root)) {
            throw new IllegalArgumentException("Extract location outside the extracts folder: " + location);
        }
        return file;
    }

    /** An empty work folder for one extraction (an earlier attempt's leftovers removed). */
    public Path workFolder(long extractId) throws IOException {
        Path work = root().resolve(".work").resolve(String.valueOf(extractId));
        deleteTree(work);
        return Files.createDirectories(work);
    }

    public static void deleteTree(Path folder) throws IOException {
        if (!Files.exists(folder, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(folder)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }

    /** Lower-case hex SHA-256 of a file, in one sequential read. */
    public static String sha256(Path file) throws IOException {
        MessageDigest digest = newDigest();
        byte[] buffer = new byte[1 << 16];
        try (InputStream in = new DigestInputStream(Files.newInputStream(file), digest)) {
            while (in.read(buffer) >= 0) {
                // digesting
            }
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    public static MessageDigest newDigest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java platform", e);
        }
    }
}
