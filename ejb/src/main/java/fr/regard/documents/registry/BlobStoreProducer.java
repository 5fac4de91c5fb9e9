package fr.regard.documents.registry;

import fr.regard.platform.infrastructure.DataDirectory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import java.nio.file.Path;
import java.util.Optional;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The document store in use: the filesystem store under {@code regard.documents.dir} (default
 * {@code <regard.data.dir>/documents}). Another store (S3-compatible) would be chosen here.
 */
@ApplicationScoped
public class BlobStoreProducer {

    private static final Logger LOG = Logger.getLogger(BlobStoreProducer.class.getName());

    @Inject
    DataDirectory data;

    @Inject
    @ConfigProperty(name = "regard.documents.dir")
    Optional<String> configured;

    @Produces
    @ApplicationScoped
    BlobStore blobStore() {
        Path root = configured.filter(s -> !s.isBlank()).map(s -> Path.of(s.strip()))
                .orElseGet(() -> data.folder("documents"));
        LOG.info(() -> "Issued documents stored under " + root);
        return new FilesystemBlobStore(root);
    }
}
