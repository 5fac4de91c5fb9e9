package fr.regard.archive.infrastructure;

import fr.regard.archive.domain.RecordingArchive;
import fr.regard.platform.infrastructure.DataDirectory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The one {@link RecordingArchive} of the application: the filesystem archive on {@code regard.archive.root}
 * (default {@code <regard.data.dir>/archive}). Inject it as {@code @Inject RecordingArchive archive}.
 *
 * <p>The default root is created when missing (embedded default). A <em>configured</em> root is not: it is normally a
 * mounted share or a VMS export, and creating an empty folder where the mount is missing would make Regard read "no
 * footage" instead of "archive unreachable". A missing or unwritable root is logged as an error at start
 * ({@link #check()}); each later access then fails with an {@code ArchiveException} until it is fixed.
 */
@ApplicationScoped
public class RecordingArchiveProducer {

    private static final Logger LOG = Logger.getLogger(RecordingArchiveProducer.class.getName());

    @Inject
    ArchiveSettings settings;

    @Inject
    DataDirectory data;

    @Produces
    @ApplicationScoped
    RecordingArchive recordingArchive() {
        return new FilesystemRecordingArchive(root(), entry ->
                LOG.fine(() -> "Archive entry skipped: " + entry.location() + " (" + entry.reason() + ")"));
    }

    /** The archive root in use. */
    public Path root() {
        return settings.configuredRoot().map(Path::of).orElseGet(() -> data.root().resolve("archive"))
                .toAbsolutePath().normalize();
    }

    /**
     * Makes sure the root is usable, creating the default one; logs a clear error (never throws) when it is not, so
     * that the rest of Regard starts and the ingest reports the archive unreachable at each run.
     *
     * @return whether the root is a writable folder
     */
    public boolean check() {
        Path root = root();
        boolean configured = settings.configuredRoot().isPresent();
        if (!Files.exists(root) && !configured) {
            try {
                Files.createDirectories(root);
            } catch (IOException e) {
                LOG.log(Level.SEVERE, "Recording archive: cannot create the default archive folder " + root
                        + " (regard.archive.root / REGARD_ARCHIVE_ROOT to choose another): " + e, e);
                return false;
            }
        }
        if (!Files.isDirectory(root)) {
            LOG.severe("Recording archive: the configured archive root " + root + (Files.exists(root)
                    ? " is not a folder" : " does not exist (is the archive mounted?)")
                    + ". Nothing can be indexed, searched or purged until it is fixed (regard.archive.root).");
            return false;
        }
        if (!Files.isReadable(root) || !Files.isWritable(root)) {
            LOG.severe("Recording archive: the archive root " + root + " is not readable and writable by the server "
                    + "account; the purge must be able to destroy segments (regard.archive.root).");
            return false;
        }
        LOG.info(() -> "Recording archive at " + root + (configured ? "" : " (default, under regard.data.dir)"));
        return true;
    }
}
