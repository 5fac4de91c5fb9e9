package fr.regard.archive.infrastructure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.regard.archive.domain.Camera;
import fr.regard.archive.domain.PrivacyMask;
import java.io.StringReader;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CameraCsvTest {

    static final String GOOD = "LIL-001;Grand Place;Place du Général de Gaulle, 59000 Lille;Centre;50.63680;3.06350;"
            + "AP-2024-VP-0117;2029-03-31;14;0.00 0.00 0.20 0.35|0.80 0.00 0.20 0.35";
    static final String GOOD2 = "HEL-001;Mairie d'Hellemmes;Place de la République, 59260 Lille-Hellemmes;Hellemmes;"
            + "50.62790;3.11050;AP-2023-VP-0910;2028-11-30;14;";

    static List<Camera> read(String... lines) throws Exception {
        return CameraCsv.read(new StringReader(CameraCsv.HEADER + "\n" + String.join("\n", lines) + "\n"));
    }

    @Test
    @DisplayName("a well-formed file gives its cameras, masks included")
    void reads() throws Exception {
        List<Camera> cameras = read(GOOD, GOOD2);

        assertThat(cameras).extracting(Camera::id).containsExactly("LIL-001", "HEL-001");
        assertThat(cameras.get(0).privacyMasks()).containsExactly(new PrivacyMask(0, 0, 0.2, 0.35),
                new PrivacyMask(0.8, 0, 0.2, 0.35));
        assertThat(cameras.get(1).privacyMasks()).isEmpty();
        assertThat(cameras.get(1).address()).isEqualTo("Place de la République, 59260 Lille-Hellemmes");
    }

    @ParameterizedTest(name = "{1}")
    @CsvSource(delimiter = '!', value = {
        "LIL-002;Rue Neuve;12 rue Neuve, 59000 Lille;Centre;50.63625;3.06560;AP-1;2029-03-31;45;! retention beyond a month",
        "LIL-002;Rue Neuve;12 rue Neuve;Centre;50.63625;3.06560;AP-1;2029-03-31;14! 9 fields",
        "LIL-002;Rue Neuve;12 rue Neuve;Centre;50.63625;3.06560;AP-1;2029-03-31;14;;! 11 fields",
        "LIL-002;\"Rue; Neuve\";12 rue Neuve;Centre;50.63625;3.06560;AP-1;2029-03-31;14;! quoting",
        "LIL-002;Rue Neuve;12 rue Neuve;Centre;50,63625;3.06560;AP-1;2029-03-31;14;! decimal comma",
        "LIL-002;Rue Neuve;12 rue Neuve;Centre;50.63625;3.06560;AP-1;31/03/2029;14;! French date",
        "LIL-002;Rue Neuve;12 rue Neuve;Centre;50.63625;3.06560;AP-1;2029-03-31;14;0.9 0 0.2 0.1! mask outside picture",
        "LIL-002;Rue Neuve;12 rue Neuve;Centre;50.63625;3.06560;AP-1;2029-03-31;14;0.1 0.1 0.2! mask of three numbers",
        "LIL-01;Rue Neuve;12 rue Neuve;Centre;50.63625;3.06560;AP-1;2029-03-31;14;! bad id",
        "LIL-002;;12 rue Neuve;Centre;50.63625;3.06560;AP-1;2029-03-31;14;! no name",
        "LIL-001;Rue Neuve;12 rue Neuve;Centre;50.63625;3.06560;AP-1;2029-03-31;14;! duplicate id",
        "! blank line",
    })
    @DisplayName("one bad line refuses the whole file, naming its line number")
    void badLineRefusesAll(String bad, String why) {
        assertThatThrownBy(() -> read(GOOD, GOOD2, bad == null ? "" : bad))
                .as(why)
                .isInstanceOfSatisfying(CameraCsv.InvalidLineException.class, e -> assertThat(e.line()).isEqualTo(4))
                .hasMessageContaining("line 4");
    }

    @Test
    @DisplayName("the header is checked: a file of another shape is refused at line 1")
    void header() {
        assertThatThrownBy(() -> CameraCsv.read(new StringReader("id,name\n" + GOOD)))
                .isInstanceOfSatisfying(CameraCsv.InvalidLineException.class, e -> assertThat(e.line()).isEqualTo(1));
        assertThatThrownBy(() -> CameraCsv.read(new StringReader("")))
                .isInstanceOf(CameraCsv.InvalidLineException.class);
    }
}
