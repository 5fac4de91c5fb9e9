package fr.regard.journal.infrastructure;

import fr.regard.platform.infrastructure.DataDirectory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * A copy of the newest published checkpoint outside the database ({@code <data>/journal/latest-checkpoint}):
 * restoring an older database backup, or deleting checkpoints, leaves this file ahead, and the integrity check
 * reports the rollback. Written after commit only.
 */
@ApplicationScoped
public class PublishedCheckpointFile {

    private static final Logger LOG = Logger.getLogger(PublishedCheckpointFile.class.getName());

    @Inject
    DataDirectory data;

    private Path file() {
        return data.folder("journal").resolve("latest-checkpoint");
    }

    synchronized void write(long treeSize, String note) {
        try {
            Optional<String> current = read();
            if (current.isPresent()) {
                long currentSize = sizeOf(current.get());
                if (currentSize > treeSize) {
                    return; // never move the witness backwards
                }
            }
            Path target = file();
            Path tmp = target.resolveSibling("latest-checkpoint.tmp");
            Files.writeString(tmp, note, StandardCharsets.UTF_8);
            Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException | RuntimeException e) {
            LOG.log(Level.WARNING, "Cannot write the published checkpoint copy", e);
        }
    }

    public Optional<String> read() {
        try {
            Path target = file();
            return Files.exists(target) ? Optional.of(Files.readString(target, StandardCharsets.UTF_8)) : Optional.empty();
        } catch (IOException e) {
            LOG.log(Level.WARNING, "Cannot read the published checkpoint copy", e);
            return Optional.empty();
        }
    }

    private static long sizeOf(String note) {
        String[] lines = note.split("\n", 3);
        return lines.length > 1 ? Long.parseLong(lines[1]) : -1;
    }
}
