package fr.regard.platform.infrastructure;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Regard's data folder ({@code regard.data.dir}, default {@code <server data dir>/regard}): the embedded
 * database, generated demo keys, the journal's last published checkpoint, later the archive and documents.
 */
@ApplicationScoped
public class DataDirectory {

    @Inject
    @ConfigProperty(name = "regard.data.dir")
    Optional<String> configured;

    public Path root() {
        String dir = configured.filter(s -> !s.isBlank())
                .orElseGet(() -> System.getProperty("jboss.server.data.dir", System.getProperty("java.io.tmpdir")) + "/regard");
        return Path.of(dir).toAbsolutePath();
    }

    /** A sub-folder, created if missing. */
    public Path folder(String name) {
        Path folder = root().resolve(name);
        try {
            return Files.createDirectories(folder);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create the data folder " + folder, e);
        }
    }
}
