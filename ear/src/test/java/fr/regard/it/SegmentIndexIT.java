package fr.regard.it;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The segment index on the real server: segment files planted in the configured archive root
 * ({@code regard.archive.root} = {@code regard.it.archive.root}), the ingest run through the API, windows queried,
 * the run journalled. The scenario is one story (plant, ingest, rerun, query), hence the ordered steps.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SegmentIndexIT {

    private static final String PASSWORD = "it-demo-secret";
    private static final List<String> CAMERAS = List.of("LIL-108", "LIL-109", "LIL-110");
    private static final String UNREGISTERED = "ZZZ-901";
    private static final Path ROOT = Path.of(System.getProperty("regard.it.archive.root", "target/it-archive"));
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("uuuuMMdd").withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HHmmss").withZone(ZoneOffset.UTC);

    /** One hour of one-minute segments per camera, starting three hours ago: settled, unique to this run. */
    private static final Instant BASE = Instant.now().truncatedTo(ChronoUnit.MINUTES).minus(Duration.ofHours(3));

    private static final Instant EMPTY = BASE.plusSeconds(90);
    private static final Instant NOT_MP4 = BASE.plusSeconds(150);

    private static String firstRun;

    @Deployment(testable = false)
    static EnterpriseArchive regard() {
        return RegardDeployment.withProbe();
    }

    @BeforeAll
    static void plantArchive() throws IOException {
        for (String camera : Stream.concat(CAMERAS.stream(), Stream.of(UNREGISTERED)).toList()) {
            SegmentFiles.deleteTree(ROOT.resolve(camera));
        }
        for (String camera : CAMERAS) {
            for (int i = 0; i < 60; i++) {
                plant(camera, BASE.plus(Duration.ofMinutes(i)), SegmentFiles.mp4(camera + " minute " + i + " " + "x".repeat(i)));
            }
        }
        // inside the planted hour, between two good segments: an empty file and one that is not MP4, plus a note
        Files.write(path("LIL-108", EMPTY, 10), new byte[0]);
        Files.writeString(path("LIL-108", NOT_MP4, 10), "<html>pas une vidéo</html>");
        Files.writeString(path("LIL-108", BASE, 60).resolveSibling("notes.txt"), "relevé du technicien");
        plant(UNREGISTERED, BASE, SegmentFiles.mp4("caméra hors registre"));
    }

    @Test
    @Order(1)
    @DisplayName("an operator runs the ingest: every settled segment indexed, bad files and unknown cameras reported")
    void ingestThroughTheApi() {
        // the test owns these cameras' rows: a previous build's run on the same database indexed other files
        String ids = String.join("','", CAMERAS);
        Http.post("/" + RegardDeployment.PROBE + "/sql", "text/plain",
                "delete from footage_segment where camera_id in ('" + ids + "')");

        Http.Reply reply = Http.postAs("/api/v1/archive/ingest", "operator", PASSWORD);

        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        JsonObject report = reply.json();
        firstRun = report.getString("runId");
        assertThat(report.getString("outcome")).isEqualTo("COMPLETED");
        assertThat(report.getJsonNumber("indexed").longValue()).isGreaterThanOrEqualTo(180);
        assertThat(report.getJsonObject("problems").getInt("SKIPPED_ENTRY")).isGreaterThanOrEqualTo(3);
        assertThat(report.getJsonObject("problems").getInt("UNKNOWN_CAMERA")).isGreaterThanOrEqualTo(1);
        List<String> reported = report.getJsonArray("problemSamples").getValuesAs(JsonObject.class).stream()
                .map(p -> p.getString("location")).toList();
        assertThat(reported).contains(location("LIL-108", EMPTY, 10), location("LIL-108", NOT_MP4, 10),
                "LIL-108/" + DAY.format(BASE) + "/notes.txt", UNREGISTERED);
        for (String camera : CAMERAS) {
            assertThat(segments(camera, BASE.minus(Duration.ofHours(1)), BASE.plus(Duration.ofHours(2)))
                    .getInt("count")).as(camera).isEqualTo(60);
        }
    }

    @Test
    @Order(2)
    @DisplayName("the run is journalled once, under the operator's name, with its counts by kind of problem")
    void runJournalled() {
        JsonObject entry = await(firstRun);
        assertThat(entry.getString("action")).isEqualTo("ARCHIVE_INGEST_RUN");
        assertThat(entry.getString("actor")).isEqualTo("operator");
        assertThat(entry.getString("purpose")).startsWith("Indexation des enregistrements vidéo");
        assertThat(entry.getString("canonical")).contains("\"outcome\":\"COMPLETED\"", "\"problems.SKIPPED_ENTRY\"",
                "\"problems.UNKNOWN_CAMERA\"");
    }

    @Test
    @Order(3)
    @DisplayName("a second run indexes nothing again; staff read its report")
    void rerunIsIdempotent() {
        List<Long> ids = segments("LIL-109", BASE, BASE.plus(Duration.ofHours(1))).getJsonArray("segments")
                .getValuesAs(JsonObject.class).stream().map(s -> s.getJsonNumber("id").longValue()).toList();

        JsonObject again = Http.postAs("/api/v1/archive/ingest", "admin", PASSWORD).json();

        assertThat(again.getString("outcome")).isEqualTo("COMPLETED");
        assertThat(again.getJsonNumber("indexed").longValue()).isZero();
        assertThat(again.getJsonNumber("alreadyIndexed").longValue()).isGreaterThanOrEqualTo(180);
        assertThat(segments("LIL-109", BASE, BASE.plus(Duration.ofHours(1))).getJsonArray("segments")
                .getValuesAs(JsonObject.class).stream().map(s -> s.getJsonNumber("id").longValue()).toList())
                .isEqualTo(ids);
        for (String user : List.of("dpo", "auditor", "operator", "admin")) {
            Http.Reply status = Http.get("/api/v1/archive/ingest", user, PASSWORD);
            assertThat(status.status()).as(user).isEqualTo(200);
            assertThat(status.json().getBoolean("running")).isFalse();
            assertThat(status.json().getJsonObject("last").getString("runId")).isEqualTo(again.getString("runId"));
        }
    }

    @Test
    @Order(4)
    @DisplayName("a case window gives the overlapping segments in order, with the SHA-256 of their bytes; [from, to) is half-open")
    void caseWindow() throws Exception {
        Instant from = BASE.plus(Duration.ofMinutes(10)).plusSeconds(30);
        Instant to = BASE.plus(Duration.ofMinutes(20));

        JsonObject found = segments("LIL-108", from, to);

        assertThat(found.getInt("count")).isEqualTo(10);
        assertThat(found.getBoolean("truncated")).isFalse();
        List<JsonObject> segments = found.getJsonArray("segments").getValuesAs(JsonObject.class);
        assertThat(segments.get(0).getString("start")).isEqualTo(BASE.plus(Duration.ofMinutes(10)).toString());
        assertThat(segments.get(9).getString("end")).isEqualTo(to.toString());
        assertThat(segments).isSortedAccordingTo(Comparator.comparing(s -> Instant.parse(s.getString("start"))));
        Path file = ROOT.resolve(location("LIL-108", BASE.plus(Duration.ofMinutes(10))));
        assertThat(segments.get(0).getString("sha256")).isEqualTo(HexFormat.of().formatHex(
                MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file))));
        assertThat(segments.get(0).getJsonNumber("sizeBytes").longValue()).isEqualTo(Files.size(file));
        assertThat(segments.get(0).getString("state")).isEqualTo("PRESENT");

        assertThat(segments("LIL-108", to, to).getInt("count")).isZero();
        assertThat(segments("LIL-108", BASE.minus(Duration.ofMinutes(5)), BASE).getInt("count")).isZero();
        // an offset written as +01:00 unencoded in the address still reads as one
        Http.Reply paris = Http.get("/api/v1/cameras/LIL-108/segments?from="
                + from.atOffset(ZoneOffset.ofHours(1)) + "&to=" + to, "dpo", PASSWORD);
        assertThat(paris.status()).as(paris.body()).isEqualTo(200);
        assertThat(paris.json().getInt("count")).isEqualTo(10);
    }

    @Test
    @Order(5)
    @DisplayName("bad input gets a 400 in French naming the field; unknown cameras 404; roles enforced")
    void refusals() {
        Http.Reply missing = Http.get("/api/v1/cameras/LIL-108/segments?to=" + BASE, "operator", PASSWORD);
        assertThat(missing.status()).isEqualTo(400);
        assertThat(missing.contentType()).startsWith("application/problem+json");
        assertThat(missing.json().getJsonArray("errors").getJsonObject(0).getString("field")).isEqualTo("from");
        assertThat(missing.json().getJsonArray("errors").getJsonObject(0).getString("message")).startsWith("Obligatoire");

        Http.Reply garbled = Http.get("/api/v1/cameras/LIL-108/segments?from=hier&to=" + BASE, "operator", PASSWORD);
        assertThat(garbled.status()).isEqualTo(400);
        assertThat(garbled.json().getJsonArray("errors").getJsonObject(0).getString("message")).contains("ISO-8601");

        Http.Reply reversed = Http.get("/api/v1/cameras/LIL-108/segments?from=" + BASE + "&to=" + BASE.minusSeconds(1),
                "operator", PASSWORD);
        assertThat(reversed.status()).isEqualTo(400);
        assertThat(reversed.json().getJsonArray("errors").getJsonObject(0).getString("message")).contains("précède");

        Http.Reply tooWide = Http.get("/api/v1/cameras/LIL-108/segments?from=" + BASE + "&to="
                + BASE.plus(Duration.ofHours(25)), "operator", PASSWORD);
        assertThat(tooWide.status()).isEqualTo(400);
        assertThat(tooWide.json().getJsonArray("errors").getJsonObject(0).getString("message")).contains("24 heures");

        Http.Reply unknown = Http.get("/api/v1/cameras/" + UNREGISTERED + "/segments?from=" + BASE + "&to=" + BASE,
                "operator", PASSWORD);
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.json().getString("title")).isEqualTo("Caméra inconnue");
        assertThat(Http.get("/api/v1/cameras/lil.108/segments?from=" + BASE + "&to=" + BASE, "operator",
                PASSWORD).status()).isEqualTo(404);

        assertThat(Http.get("/api/v1/cameras/LIL-108/segments?from=" + BASE + "&to=" + BASE).status()).isEqualTo(401);
        assertThat(Http.get("/api/v1/archive/ingest").status()).isEqualTo(401);
        assertThat(Http.postAs("/api/v1/archive/ingest", "dpo", PASSWORD).status()).isEqualTo(403);
        assertThat(Http.postAs("/api/v1/archive/ingest", "auditor", PASSWORD).status()).isEqualTo(403);
    }

    private static JsonObject segments(String camera, Instant from, Instant to) {
        Http.Reply reply = Http.get("/api/v1/cameras/" + camera + "/segments?from=" + from + "&to=" + to, "auditor",
                PASSWORD);
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        return reply.json();
    }

    private static JsonObject await(String runId) {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (true) {
            List<JsonObject> entries = Http.get("/" + RegardDeployment.PROBE + "/journal?object=" + runId).json()
                    .getJsonArray("entries").getValuesAs(JsonObject.class);
            assertThat(entries).hasSize(1);
            if (entries.get(0).containsKey("canonical")) {
                return entries.get(0);
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("The journal entry of run " + runId + " was never sequenced");
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }

    private static String location(String camera, Instant start) {
        return location(camera, start, 60);
    }

    private static String location(String camera, Instant start, int seconds) {
        return camera + "/" + DAY.format(start) + "/" + TIME.format(start) + "-" + seconds + ".mp4";
    }

    /** Where a segment goes, its day folder created. */
    private static Path path(String camera, Instant start, int seconds) throws IOException {
        Path file = ROOT.resolve(location(camera, start, seconds));
        Files.createDirectories(file.getParent());
        return file;
    }

    private static void plant(String camera, Instant start, byte[] content) throws IOException {
        Files.write(path(camera, start, 60), content);
    }

}
