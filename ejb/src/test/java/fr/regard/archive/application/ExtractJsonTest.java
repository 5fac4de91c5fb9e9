package fr.regard.archive.application;

import static org.assertj.core.api.Assertions.assertThat;

import fr.regard.archive.domain.ExtractOutput;
import fr.regard.archive.domain.ExtractPurpose;
import fr.regard.archive.domain.ExtractSource;
import fr.regard.archive.domain.FootageExtract;
import fr.regard.archive.domain.PrivacyMask;
import fr.regard.archive.domain.ThirdPartyMask;
import jakarta.json.JsonObject;
import java.lang.reflect.Field;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class ExtractJsonTest {

    static final Instant FROM = Instant.parse("2026-11-20T13:00:00Z");
    static final Instant TO = Instant.parse("2026-11-20T13:02:00Z");

    static FootageExtract extract(long id, String camera, String masks) throws ReflectiveOperationException {
        FootageExtract e = new FootageExtract(5, 3, "DA-2026-000042", camera, FROM, TO, masks,
                ExtractPurpose.ACCESS_COPY, "Copie pour M. X, passants floutés", "agent.dupont", "operator",
                Instant.parse("2026-11-25T09:00:00Z"));
        Field field = FootageExtract.class.getDeclaredField("id");
        field.setAccessible(true);
        field.set(e, id);
        return e;
    }

    @Test
    @DisplayName("masks round-trip: third parties with their time range, privacy masks by index with coordinates")
    void masks() {
        ThirdPartyMask third = new ThirdPartyMask(0.25, 0.5, 0.2, 0.3, FROM.plusSeconds(10), FROM.plusSeconds(40));
        String json = ExtractJson.masks(List.of(third), List.of(new PrivacyMask(0, 0, 0.2, 0.35),
                new PrivacyMask(0.8, 0, 0.2, 0.35)));
        assertThat(ExtractJson.thirdParties(json)).containsExactly(third);
        assertThat(ExtractJson.privacyMasks(json)).containsExactly(new PrivacyMask(0, 0, 0.2, 0.35),
                new PrivacyMask(0.8, 0, 0.2, 0.35));
        assertThat(ExtractJson.parse(json).getJsonArray("privacyMasks").getJsonObject(1).getInt("index")).isEqualTo(1);
    }

    @Test
    @DisplayName("the procès-verbal data lists the case, the window in UTC and Paris time, each camera's source segments "
            + "with their ingest hashes, the output hash, size, duration and masks, the operator, the purpose and times")
    void pv() throws ReflectiveOperationException {
        String masks = ExtractJson.masks(List.of(new ThirdPartyMask(0.25, 0.5, 0.2, 0.3, FROM, FROM.plusSeconds(40))),
                List.of(new PrivacyMask(0, 0, 0.2, 0.35)));
        FootageExtract done = extract(11, "LIL-001", masks);
        done.claim("node", FROM);
        done.useSources(List.of(
                new ExtractSource(101, "LIL-001", FROM, FROM.plusSeconds(60), 5000, "1".repeat(64),
                        "LIL-001/20261120/130000-60.mp4"),
                new ExtractSource(102, "LIL-001", FROM.plusSeconds(60), TO, 5100, "2".repeat(64),
                        "LIL-001/20261120/130100-60.mp4")));
        done.succeed(new ExtractOutput("DA-2026-000042/extract-11-LIL-001.mp4", 9876, "f".repeat(64), 120_000, 240,
                FROM, TO, "[]", "[{\"kind\":\"PRIVACY\",\"frames\":240},{\"kind\":\"THIRD_PARTY\",\"frames\":80}]",
                "jcodec 0.2.5"), Instant.parse("2026-11-25T09:01:00Z"));
        FootageExtract failed = extract(12, "LIL-002", masks);
        failed.claim("node", FROM);
        failed.fail("Chaîne de conservation rompue : le segment LIL-002/20261120/130000-60.mp4 …", FROM);

        JsonObject pv = ExtractJson.pv(List.of(done, failed));
        assertThat(pv.getString("document")).isEqualTo("PROCES_VERBAL_EXTRACTION");
        assertThat(pv.getInt("version")).isEqualTo(1);
        assertThat(pv.getString("case")).isEqualTo("DA-2026-000042");
        assertThat(pv.getJsonNumber("request").longValue()).isEqualTo(5);
        assertThat(pv.getJsonObject("window").getJsonObject("start").getString("utc")).isEqualTo("2026-11-20T13:00:00Z");
        assertThat(pv.getJsonObject("window").getJsonObject("start").getString("paris"))
                .isEqualTo("2026-11-20T14:00+01:00");
        assertThat(pv.getJsonObject("operator").getString("user")).isEqualTo("agent.dupont");
        assertThat(pv.getJsonObject("purpose").getString("category")).isEqualTo("ACCESS_COPY");
        assertThat(pv.getJsonObject("purpose").getString("text")).isEqualTo("Copie pour M. X, passants floutés");
        assertThat(pv.getBoolean("complete")).isFalse();
        assertThat(pv.getJsonObject("finishedAt").getString("utc")).isEqualTo("2026-11-25T09:01:00Z");

        JsonObject first = pv.getJsonArray("cameras").getJsonObject(0);
        assertThat(first.getString("camera")).isEqualTo("LIL-001");
        assertThat(first.getJsonArray("sourceSegments").getValuesAs(JsonObject.class))
                .extracting(s -> s.getString("sha256")).containsExactly("1".repeat(64), "2".repeat(64));
        assertThat(first.getJsonArray("sourceSegments").getJsonObject(1).getString("location"))
                .isEqualTo("LIL-001/20261120/130100-60.mp4");
        JsonObject file = first.getJsonObject("file");
        assertThat(file.getString("sha256")).isEqualTo("f".repeat(64));
        assertThat(file.getJsonNumber("size").longValue()).isEqualTo(9876);
        assertThat(file.getJsonNumber("durationMillis").longValue()).isEqualTo(120_000);
        assertThat(file.getString("name")).isEqualTo("DA-2026-000042-extrait-11-LIL-001.mp4");
        assertThat(first.getJsonArray("masksApplied")).hasSize(2);
        assertThat(first.getJsonObject("masksRequested").getJsonArray("thirdParties").getJsonObject(0)
                .getString("from")).isEqualTo("2026-11-20T13:00:00Z");

        JsonObject second = pv.getJsonArray("cameras").getJsonObject(1);
        assertThat(second.isNull("file")).isTrue();
        assertThat(second.getString("status")).isEqualTo("FAILED");
        assertThat(second.getString("failure")).startsWith("Chaîne de conservation rompue");
    }

    @Test
    @DisplayName("the status view gives the progress percentage and, once done, the file")
    void view() throws ReflectiveOperationException {
        FootageExtract e = extract(11, "LIL-001", ExtractJson.masks(List.of(), List.of()));
        e.claim("node", FROM);
        e.progress(60, 240, FROM);
        JsonObject view = ExtractJson.view(e);
        assertThat(view.getString("status")).isEqualTo("RUNNING");
        assertThat(view.getString("statusLabel")).isEqualTo("En cours");
        assertThat(view.getJsonObject("progress").getInt("percent")).isEqualTo(25);
        assertThat(view.containsKey("file")).isFalse();
    }
}
