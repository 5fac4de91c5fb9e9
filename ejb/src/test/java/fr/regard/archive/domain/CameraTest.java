package fr.regard.archive.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CameraTest {

    static Camera camera(String id, int retentionDays, List<PrivacyMask> masks) {
        return new Camera(id, "Grand Place - Vieille Bourse", "Place du Général de Gaulle, 59000 Lille", "Centre",
                50.63680, 3.06350, "AP-2024-VP-0117", LocalDate.parse("2029-03-31"), retentionDays, masks);
    }

    @Test
    @DisplayName("a camera of the Grand Place, kept 14 days, with two blurred windows")
    void valid() {
        Camera camera = camera("LIL-001", 14, List.of(new PrivacyMask(0, 0, 0.2, 0.35), new PrivacyMask(0.8, 0, 0.2, 0.35)));

        assertThat(camera.id()).isEqualTo("LIL-001");
        assertThat(camera.retentionDays()).isEqualTo(14);
        assertThat(camera.privacyMasks()).containsExactly(new PrivacyMask(0, 0, 0.2, 0.35), new PrivacyMask(0.8, 0, 0.2, 0.35));
        assertThat(camera.authorisedOn(LocalDate.parse("2029-03-31"))).isTrue();
        assertThat(camera.authorisedOn(LocalDate.parse("2029-04-01"))).isFalse();
    }

    @ParameterizedTest
    @ValueSource(ints = {32, 60, 0, -1})
    @DisplayName("retention beyond one month (CSI L252-5) or below a day is refused")
    void retentionBounded(int days) {
        assertThatThrownBy(() -> camera("LIL-001", days, List.of()))
                .isInstanceOf(InvalidCameraException.class)
                .hasMessageContaining("retentionDays").hasMessageContaining("L252-5");
    }

    @Test
    @DisplayName("31 days, the longest month, is the upper bound")
    void thirtyOneDaysAllowed() {
        assertThat(camera("LIL-001", 31, List.of()).retentionDays()).isEqualTo(31);
    }

    @Test
    @DisplayName("every fault is named at once")
    void allFaultsNamed() {
        InvalidCameraException refused = (InvalidCameraException) org.assertj.core.api.Assertions.catchThrowable(() ->
                new Camera("lil-1", " ", null, "Centre", 91, 3.06, "", null, 45, List.of()));

        assertThat(refused.faults()).hasSize(7).anySatisfy(f -> assertThat(f).startsWith("id:"))
                .anySatisfy(f -> assertThat(f).startsWith("latitude:"))
                .anySatisfy(f -> assertThat(f).startsWith("authorisationExpiry:"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"LIL-42", "lil-042", "LIL042", "LIL-0420", "../LIL-042", "LIL-042 "})
    @DisplayName("ids look like LIL-042")
    void idShape(String id) {
        assertThatThrownBy(() -> camera(id, 14, List.of())).isInstanceOf(InvalidCameraException.class);
    }

    @Test
    @DisplayName("masks are rectangles inside the picture, at most 16")
    void masksBounded() {
        assertThatThrownBy(() -> new PrivacyMask(0.9, 0, 0.2, 0.1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new PrivacyMask(0, 0, 0, 0.1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new PrivacyMask(-0.1, 0, 0.1, 0.1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> camera("LIL-001", 14, Collections.nCopies(17, new PrivacyMask(0, 0, 0.1, 0.1))))
                .isInstanceOf(InvalidCameraException.class);
    }

    @Test
    @DisplayName("masks round-trip through their stored JSON form; anything else is refused")
    void masksJson() {
        List<PrivacyMask> masks = List.of(new PrivacyMask(0, 0.05, 0.25, 0.4), new PrivacyMask(0.75, 0, 0.25, 1));

        assertThat(PrivacyMask.toJson(masks)).isEqualTo("[[0,0.05,0.25,0.4],[0.75,0,0.25,1]]");
        assertThat(PrivacyMask.fromJson(PrivacyMask.toJson(masks))).isEqualTo(masks);
        assertThat(PrivacyMask.fromJson("[]")).isEmpty();
        assertThat(PrivacyMask.fromJson(" [ [0, 0, 0.5, 0.5] ] ")).hasSize(1);
        for (String bad : List.of("", "[[0,0,1]]", "[[0,0,1,1],]", "[[0,0,1,1]", "{\"x\":0}", "[[0,0,1,1]][]")) {
            assertThatThrownBy(() -> PrivacyMask.fromJson(bad)).as(bad).isInstanceOf(IllegalArgumentException.class);
        }
    }
}
