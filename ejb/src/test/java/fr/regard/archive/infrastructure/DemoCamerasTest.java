package fr.regard.archive.infrastructure;

import static org.assertj.core.api.Assertions.assertThat;

import fr.regard.archive.domain.CameraIds;
import fr.regard.archive.domain.Camera;
import java.util.List;
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
}
