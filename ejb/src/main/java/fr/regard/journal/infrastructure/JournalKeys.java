package fr.regard.journal.infrastructure;

import fr.regard.journal.format.NoteSigner;
import fr.regard.journal.format.NoteVerifier;
import fr.regard.platform.infrastructure.DataDirectory;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The journal's Ed25519 signing key (C2SP signed-note format). Taken from {@code regard.journal.key} (the
 * {@code PRIVATE+KEY+…} string, e.g. from a secret store) or the file {@code regard.journal.key-file}; the
 * embedded default generates one at first start in {@code <data>/keys/journal.key} (owner-only permissions).
 * The key name is the checkpoint origin ({@code regard.journal.origin}).
 */
@ApplicationScoped
public class JournalKeys {

    private static final Logger LOG = Logger.getLogger(JournalKeys.class.getName());

    @Inject
    @ConfigProperty(name = "regard.journal.origin", defaultValue = "regard.localhost/journal")
    String origin;

    @Inject
    @ConfigProperty(name = "regard.journal.key")
    Optional<String> key;

    @Inject
    @ConfigProperty(name = "regard.journal.key-file")
    Optional<String> keyFile;

    @Inject
    DataDirectory data;

    private NoteSigner signer;

    @PostConstruct
    void load() {
        if (key.isPresent() && !key.get().isBlank()) {
            signer = NoteSigner.parse(key.get().strip());
        } else {
            Path file = keyFile.filter(f -> !f.isBlank()).map(Path::of)
                    .orElseGet(() -> data.folder("keys").resolve("journal.key"));
            signer = Files.exists(file) ? NoteSigner.parse(read(file)) : generate(file);
        }
        if (!signer.name().equals(origin)) {
            throw new IllegalStateException("The journal key is named '" + signer.name()
                    + "' but the journal origin is '" + origin + "': set regard.journal.origin to the key's name");
        }
    }

    private NoteSigner generate(Path file) {
        NoteSigner generated = NoteSigner.generate(origin);
        try {
            Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
            Files.writeString(tmp, generated.signerKey() + "\n", StandardCharsets.US_ASCII);
            try {
                Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException e) {
                // not a POSIX file system: rely on the folder's permissions
            }
            Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the journal key " + file, e);
        }
        LOG.warning(() -> "Generated a new journal signing key in " + file + " (embedded default; verifier key "
                + generated.verifier().verifierKey() + ")");
        return generated;
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.US_ASCII).strip();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the journal key " + file, e);
        }
    }

    public String origin() {
        return origin;
    }

    public NoteSigner signer() {
        return signer;
    }

    public NoteVerifier verifier() {
        return signer.verifier();
    }
}
