package fr.regard.archive.infrastructure;

import fr.regard.archive.domain.Camera;
import fr.regard.archive.domain.CameraRepository;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Loads the demo camera registry of the embedded default (about 120 cameras in Lille and Hellemmes, file
 * {@value #RESOURCE}) when {@code regard.demo.cameras=true}; a real deployment leaves it off and registers its own
 * cameras. Idempotent: only cameras whose id is not registered yet are added, so a restart adds nothing and a camera
 * changed by an administrator stays as they left it. All or nothing: a bad line refuses the whole file (the
 * deployment stops with the line number) — demo data that does not load is a build error, never half a registry.
 */
@Singleton
@Startup
@DependsOn("DatabaseSchema")
public class DemoCameras {

    static final String RESOURCE = "demo/cameras.csv";

    private static final Logger LOG = Logger.getLogger(DemoCameras.class.getName());

    @Inject
    @ConfigProperty(name = "regard.demo.cameras", defaultValue = "false")
    boolean enabled;

    @Inject
    CameraRepository cameras;

    @PostConstruct
    void load() {
        if (!enabled) {
            return;
        }
        List<Camera> demo = read();
        Set<String> known = cameras.ids();
        List<Camera> missing = demo.stream().filter(c -> !known.contains(c.id())).toList();
        missing.forEach(cameras::add);
        LOG.info(() -> "Demo cameras: " + missing.size() + " added, " + (demo.size() - missing.size())
                + " already registered");
    }

    /** The demo file, parsed and checked (public for the tests). */
    public static List<Camera> read() {
        try (InputStream in = DemoCameras.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("Demo camera file " + RESOURCE + " missing from the application");
            }
            return CameraCsv.read(new InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + RESOURCE, e);
        }
    }
}
