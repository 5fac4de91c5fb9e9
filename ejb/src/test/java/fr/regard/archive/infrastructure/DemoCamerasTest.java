package fr.regard.archive.infrastructure;

import static org.assertj.core.api.Assertions.assertThat;

import fr.regard.archive.domain.Camera;
import fr.regard.archive.domain.CameraIds;
import fr.regard.archive.domain.CameraRepository;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The demo registry of the embedded default: about 120 cameras on the public road of Lille and Hellemmes. */
class DemoCamerasTest {

    /** Lille (with Hellemmes, associated commune) fits in this box; Lomme, Lambersart, Villeneuve-d'Ascq lie beyond. */
    static final double SOUTH = 50.600, NORTH = 50.660, WEST = 3.015, EAST = 3.125;

    final List<Camera> cameras = DemoCameras.read();

    @Test
    @DisplayName("about 120 cameras (110 to 130), each id once, each usable as an archive folder")
    void count() {
        assertThat(cameras).hasSizeBetween(110, 130);
        assertThat(cameras.stream().map(Camera::id).distinct()).hasSameSizeAs(cameras);
        assertThat(cameras).allSatisfy(c -> assertThat(CameraIds.isSafe(c.id())).isTrue());
    }

    @Test
    @DisplayName("every camera stands inside Lille or Hellemmes")
    void insideTheCity() {
        assertThat(cameras).allSatisfy(c -> {
            assertThat(c.latitude()).as(c.id()).isBetween(SOUTH, NORTH);
            assertThat(c.longitude()).as(c.id()).isBetween(WEST, EAST);
            assertThat(c.address()).as(c.id()).containsAnyOf("59000 Lille", "59800 Lille", "59260 Lille-Hellemmes");
        });
        assertThat(cameras.stream().filter(c -> c.zone().equals("Hellemmes")))
                .allSatisfy(c -> assertThat(c.id()).startsWith("HEL-")).isNotEmpty();
    }

    @Test
    @DisplayName("the city's zones are covered, with an authorisation each and 14 days of retention")
    void zonesAndAuthorisations() {
        Set<String> zones = cameras.stream().map(Camera::zone).collect(Collectors.toSet());
        assertThat(zones).contains("Centre", "Wazemmes", "Moulins", "Vieux-Lille", "Fives", "Hellemmes", "Lille-Sud",
                "Bois-Blancs");
        assertThat(cameras).allSatisfy(c -> {
            assertThat(c.retentionDays()).isEqualTo(14);
            assertThat(c.authorisationReference()).matches("AP-\\d{4}-VP-\\d{4}");
        });
        assertThat(cameras).anySatisfy(c -> assertThat(c.privacyMasks()).isNotEmpty());
    }

    @Test
    @DisplayName("loading is idempotent: a restart adds nothing, an administrator's change stays")
    void idempotentLoad() {
        InMemoryCameras registry = new InMemoryCameras();
        Camera changed = new Camera("LIL-001", "Grand Place (déplacée)", "Place du Général de Gaulle, 59000 Lille",
                "Centre", 50.63700, 3.06300, "AP-2026-VP-0001", LocalDate.parse("2031-01-31"), 10, List.of());
        registry.add(changed);

        loader(registry, true).load();
        loader(registry, true).load();

        assertThat(registry.all()).hasSameSizeAs(cameras);
        assertThat(registry.find("LIL-001")).containsSame(changed);
    }

    @Test
    @DisplayName("nothing is loaded unless regard.demo.cameras=true")
    void offByDefault() {
        InMemoryCameras registry = new InMemoryCameras();

        loader(registry, false).load();

        assertThat(registry.all()).isEmpty();
    }

    private static DemoCameras loader(CameraRepository registry, boolean enabled) {
        DemoCameras loader = new DemoCameras();
        loader.cameras = registry;
        loader.enabled = enabled;
        return loader;
    }

    /** The registry's storage in memory; {@code add} refuses a duplicate id as the primary key would. */
    static final class InMemoryCameras implements CameraRepository {

        private final List<Camera> stored = new ArrayList<>();

        @Override
        public List<Camera> all() {
            return List.copyOf(stored);
        }

        @Override
        public List<Camera> inZone(String zone) {
            return stored.stream().filter(c -> c.zone().toLowerCase(Locale.ROOT).equals(zone.toLowerCase(Locale.ROOT)))
                    .toList();
        }

        @Override
        public Optional<Camera> find(String id) {
            return stored.stream().filter(c -> c.id().equals(id)).findFirst();
        }

        @Override
        public Set<String> ids() {
            return stored.stream().map(Camera::id).collect(Collectors.toSet());
        }

        @Override
        public void add(Camera camera) {
            if (find(camera.id()).isPresent()) {
                throw new IllegalStateException("duplicate key " + camera.id());
            }
            stored.add(camera);
        }
    }
}
