package fr.regard.documents.infrastructure;

import fr.regard.documents.application.DocumentRenderer;
import fr.regard.platform.infrastructure.DataDirectory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.nio.file.Path;
import java.util.Optional;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Produces the application's {@link DocumentRenderer} from the settings: the controller's identity
 * ({@code regard.controller.*}, read at start: a change needs a restart, not a rebuild) and the template override
 * folder ({@code regard.templates.dir}, default {@code <data>/templates}; its files are re-read when they change).
 */
@ApplicationScoped
public class DocumentSettings {

    @Inject
    DataDirectory dataDirectory;

    @Inject
    @ConfigProperty(name = "regard.templates.dir")
    Optional<String> templatesDir;

    @Produces
    @Singleton
    DocumentRenderer renderer() {
        Config config = ConfigProvider.getConfig();
        Path overrides = templatesDir.filter(s -> !s.isBlank()).map(s -> Path.of(s.strip()))
                .orElseGet(() -> dataDirectory.root().resolve("templates"));
        return new PdfaDocumentRenderer(ControllerSettings.read(key -> config.getOptionalValue(key, String.class)),
                overrides);
    }
}
