package fr.regard.it;

import static org.assertj.core.api.Assertions.assertThat;

import fr.regard.archive.media.SyntheticFootage;
import fr.regard.calendar.domain.LegalCalendar;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.jcodec.api.FrameGrab;
import org.jcodec.common.io.NIOUtils;
import org.jcodec.common.io.SeekableByteChannel;
import org.jcodec.common.model.Picture;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Extraction on the real server (docs/archive.md "Extraction"): real synthetic H.264 segments planted for three
 * cameras and ingested, a case filed (held at intake), an extraction with a third-party mask run to the end, its file
 * downloaded, decoded and hashed, its procès-verbal data and journal checked; a tampered segment fails its extraction
 * by name; a window not held is refused; the workflow reports the extract and destroys it at delivery expiry. One
 * story, hence the ordered steps.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FootageExtractIT {

    private static final String PASSWORD = "it-demo-secret";
    private static final Duration PATIENCE = Duration.ofSeconds(120);
    private static final Path ROOT = Path.of(System.getProperty("regard.it.archive.root", "target/it-archive"));
    private static final List<String> CAMERAS = List.of("LIL-091", "LIL-092", "LIL-093");
    /** Three one-minute segments per camera, starting at an hour and minute no other suite uses. */
    private static final Instant BASE = Instant.now().truncatedTo(ChronoUnit.MINUTES).minus(Duration.ofMinutes(173));
    private static final Instant FROM = BASE.plusSeconds(30);
    private static final Instant TO = BASE.plusSeconds(150);

    private static String reference;
    private static String token;
    private static List<Long> extracts;
    private static String sha256;

    @Deployment(testable = false)
    static EnterpriseArchive regard() {
        return RegardDeployment.withProbe();
    }

    @BeforeAll
    static void plantFootage() throws IOException {
        SyntheticFootage footage = new SyntheticFootage();
        for (String camera : CAMERAS) {
            for (int minute = 0; minute < 3; minute++) {
                Path segment = SyntheticFootage.segmentPath(ROOT, camera, BASE.plusSeconds(60L * minute), 60);
                Files.deleteIfExists(segment);
                footage.record(ROOT, camera, "Caméra " + camera, BASE.plusSeconds(60L * minute), 60);
            }
        }
    }

    @Test
    @Order(1)
    @DisplayName("an operator extracts two held cameras with a third party masked: progress to 100 %, a real MP4 of the "
            + "window whose SHA-256 is the recorded one, the procès-verbal data and the journal")
    void extractWithMask() throws Exception {
        Http.Reply ingest = Http.postAs("/api/v1/archive/ingest", "admin", PASSWORD);
        assertThat(ingest.status()).as(ingest.body()).isEqualTo(200);
        Http.Reply filed = Http.postJson("/api/v1/requests", RequestApiIT.request("ACCESS",
                paris(BASE.minusSeconds(300)), paris(BASE.plusSeconds(600))));
        assertThat(filed.status()).as(filed.body()).isEqualTo(201);
        reference = filed.json().getString("reference");
        token = filed.json().getString("trackingToken");

        String path = "/api/v1/requests/" + reference + "/extracts";
        assertThat(Http.postJsonAs(path, "auditor", PASSWORD, order("LIL-091", FROM, TO)).status()).isEqualTo(403);
        Http.Reply asked = Http.postJsonAs(path, "operator", PASSWORD, """
                {"cameras":["LIL-091","LIL-092"],"from":"%s","to":"%s",
                 "masks":[{"x":0.25,"y":0.3,"width":0.3,"height":0.3,"from":"%s","to":"%s"}],
                 "purposeCategory":"ACCESS_COPY",
                 "purpose":"Copie demandée par Mme Durand ; un passant masqué"}"""
                .formatted(paris(FROM), paris(TO), paris(FROM.plusSeconds(10)), paris(FROM.plusSeconds(50))));
        assertThat(asked.status()).as(asked.body()).isEqualTo(202);
        List<JsonObject> queued = asked.jsonArray().getValuesAs(JsonObject.class);
        assertThat(queued).extracting(e -> e.getString("camera")).containsExactly("LIL-091", "LIL-092");
        extracts = queued.stream().map(e -> e.getJsonNumber("id").longValue()).toList();

        for (long id : extracts) {
            JsonObject done = awaitStatus(id, "DONE");
            assertThat(done.getJsonObject("progress").getInt("percent")).isEqualTo(100);
            assertThat(done.getJsonObject("progress").getJsonNumber("framesDone").longValue()).isEqualTo(240);
            assertThat(done.getString("requestedBy")).isEqualTo("operator");
        }
        JsonObject first = extract(extracts.get(0));
        sha256 = first.getJsonObject("file").getString("sha256");

        // Downloading needs a purpose (journalled); the file is the recorded one and a real MP4 of the 2 minutes.
        String file = "/api/v1/extracts/" + extracts.get(0) + "/file";
        assertThat(Http.get(file, "operator", PASSWORD).status()).isEqualTo(400);
        assertThat(Http.get(file + "?purpose=x", "auditor", PASSWORD).status()).isEqualTo(403);
        Path copy = Files.createTempFile("extract", ".mp4");
        Http.download(file + "?purpose=" + URLEncoder.encode("Contrôle du masquage avant envoi",
                StandardCharsets.UTF_8), "dpo", PASSWORD, copy);
        assertThat(sha256(Files.readAllBytes(copy))).isEqualTo(sha256);
        assertThat(Files.size(copy)).isEqualTo(first.getJsonObject("file").getJsonNumber("size").longValue());
        assertThat(decodedFrames(copy)).isEqualTo(240); // 120 s at 2 frames per second
        assertThat(first.getJsonObject("file").getJsonNumber("durationMillis").longValue()).isEqualTo(120_000);
        assertThat(first.getJsonObject("file").getString("firstFrame")).isEqualTo(FROM.toString());

        // The procès-verbal data: cameras, window, source hashes as ingested, output hash, masks, operator, purpose.
        Http.Reply pvReply = Http.get("/api/v1/extracts/" + extracts.get(1) + "/pv", "auditor", PASSWORD);
        assertThat(pvReply.status()).as(pvReply.body()).isEqualTo(200);
        JsonObject pv = pvReply.json();
        assertThat(pv.getString("document")).isEqualTo("PROCES_VERBAL_EXTRACTION");
        assertThat(pv.getString("case")).isEqualTo(reference);
        assertThat(pv.getBoolean("complete")).isTrue();
        assertThat(pv.getJsonObject("window").getJsonObject("start").getString("utc")).isEqualTo(FROM.toString());
        assertThat(OffsetDateTime.parse(pv.getJsonObject("window").getJsonObject("end").getString("paris"))
                .toInstant()).isEqualTo(TO);
        assertThat(pv.getJsonObject("operator").getString("user")).isEqualTo("operator");
        assertThat(pv.getJsonObject("purpose").getString("text")).contains("un passant masqué");
        List<JsonObject> cameras = pv.getJsonArray("cameras").getValuesAs(JsonObject.class);
        assertThat(cameras).extracting(c -> c.getString("camera")).containsExactly("LIL-091", "LIL-092");
        JsonObject lil091 = cameras.get(0);
        assertThat(lil091.getJsonObject("file").getString("sha256")).isEqualTo(sha256);
        List<JsonObject> sources = lil091.getJsonArray("sourceSegments").getValuesAs(JsonObject.class);
        assertThat(sources).hasSize(3);
        for (int minute = 0; minute < 3; minute++) {
            byte[] planted = Files.readAllBytes(SyntheticFootage.segmentPath(ROOT, "LIL-091",
                    BASE.plusSeconds(60L * minute), 60));
            assertThat(sources.get(minute).getString("sha256")).isEqualTo(sha256(planted));
        }
        assertThat(lil091.getJsonArray("masksApplied").getValuesAs(JsonObject.class))
                .filteredOn(m -> m.getString("kind").equals("THIRD_PARTY")).singleElement()
                .satisfies(m -> assertThat(m.getJsonNumber("frames").longValue()).isEqualTo(80));

        // The same procès-verbal issued as a sealed document of the case (issue 6): registered, downloadable, with the
        // output hash in its text, recognised by the public verification.
        Http.Reply issued = Http.postAs("/api/v1/extracts/" + extracts.get(1) + "/pv/document", "operator", PASSWORD);
        assertThat(issued.status()).as(issued.body()).isEqualTo(201);
        assertThat(issued.json().getString("type")).isEqualTo("EXTRACTION_REPORT");
        java.nio.file.Path pvPdf = Files.createTempFile("pv", ".pdf");
        Http.download(issued.json().getString("downloadUrl"), "dpo", PASSWORD, pvPdf);
        byte[] pvBytes = Files.readAllBytes(pvPdf);
        assertThat(sha256(pvBytes)).isEqualTo(issued.json().getString("sha256"));
        try (org.apache.pdfbox.pdmodel.PDDocument pdf = org.apache.pdfbox.Loader.loadPDF(pvBytes)) {
            assertThat(new org.apache.pdfbox.text.PDFTextStripper().getText(pdf).replaceAll("\\s+", ""))
                    .contains(reference, "LIL-091", "LIL-092", sha256);
        }
        assertThat(Http.get("/api/v1/requests/" + reference + "/documents", "dpo", PASSWORD).json()
                .getJsonArray("documents").getValuesAs(JsonObject.class))
                .anySatisfy(d -> assertThat(d.getString("type")).isEqualTo("EXTRACTION_REPORT"));

        List<JsonObject> journal = journal(reference);
        assertThat(journal).filteredOn(e -> e.getString("action").equals("FOOTAGE_EXTRACT_REQUESTED")).singleElement()
                .satisfies(e -> {
                    assertThat(e.getString("actor")).isEqualTo("operator");
                    assertThat(e.getString("purpose")).contains("un passant masqué");
                });
        assertThat(journal).filteredOn(e -> e.getString("action").equals("FOOTAGE_EXTRACT_DONE")).hasSize(2)
                .allSatisfy(e -> assertThat(e.getString("actor")).isEqualTo("operator"));
        assertThat(journal).filteredOn(e -> e.getString("action").equals("FOOTAGE_EXTRACT_DOWNLOADED")).singleElement()
                .satisfies(e -> {
                    assertThat(e.getString("actor")).isEqualTo("dpo");
                    assertThat(e.getString("purpose")).isEqualTo("Contrôle du masquage avant envoi");
                });
    }

    @Test
    @Order(2)
    @DisplayName("footage outside the case's holds is refused (400, in French) and nothing is queued")
    void notHeld() {
        Http.Reply refused = Http.postJsonAs("/api/v1/requests/" + reference + "/extracts", "operator", PASSWORD,
                order("LIL-091", BASE.minusSeconds(3600), BASE.minusSeconds(3000)));
        assertThat(refused.status()).as(refused.body()).isEqualTo(400);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(refused.json().getJsonArray("errors").getJsonObject(0).getString("message"))
                .contains("n'est pas couverte par un gel actif du dossier sur la caméra LIL-091");
        Http.Reply blank = Http.postJsonAs("/api/v1/requests/" + reference + "/extracts", "operator", PASSWORD,
                "{\"cameras\":[\"LIL-091\"],\"from\":\"" + paris(FROM) + "\",\"to\":\"" + paris(TO)
                        + "\",\"purposeCategory\":\"ACCESS_COPY\",\"purpose\":\" \"}");
        assertThat(blank.status()).isEqualTo(400);
        assertThat(blank.body()).contains("La finalité de l'extraction est obligatoire");
        assertThat(list(reference)).hasSize(2);
    }

    @Test
    @Order(3)
    @DisplayName("a segment changed after ingest fails its extraction, naming the segment (chain of custody)")
    void tamperedSegment() throws IOException {
        Path segment = SyntheticFootage.segmentPath(ROOT, "LIL-093", BASE.plusSeconds(60), 60);
        try (var channel = Files.newByteChannel(segment, StandardOpenOption.WRITE)) {
            channel.position(Files.size(segment) / 2);
            channel.write(java.nio.ByteBuffer.wrap(new byte[] {1, 2, 3, 4}));
        }
        Http.Reply asked = Http.postJsonAs("/api/v1/requests/" + reference + "/extracts", "dpo", PASSWORD,
                order("LIL-093", FROM, TO));
        assertThat(asked.status()).as(asked.body()).isEqualTo(202);
        long id = asked.jsonArray().getJsonObject(0).getJsonNumber("id").longValue();
        JsonObject failed = awaitStatus(id, "FAILED");
        String location = "LIL-093/" + segment.getParent().getFileName() + "/" + segment.getFileName();
        assertThat(failed.getString("failure")).startsWith("Chaîne de conservation rompue : le segment " + location)
                .contains("n'est plus celui indexé");
        assertThat(failed.containsKey("file")).isFalse();
        assertThat(journal(reference)).filteredOn(e -> e.getString("action").equals("FOOTAGE_EXTRACT_FAILED"))
                .singleElement().satisfies(e -> assertThat(e.getString("actor")).isEqualTo("dpo"));
        assertThat(Http.postAs("/api/v1/extracts/" + id + "/cancel", "operator", PASSWORD).status()).isEqualTo(409);
    }

    @Test
    @Order(4)
    @DisplayName("the workflow reports the existing extracts, then destroys them at delivery expiry: files gone, hashes "
            + "recorded, journalled")
    void workflowDestroysAtExpiry() throws Exception {
        complete("dpo", awaitTask("dpo", "Task_QualifyRequest"),
                "{\"identityDoubt\":false,\"precise\":true,\"regime\":\"GDPR_ART15\"}");
        complete("operator", awaitTask("operator", "Task_SearchFootage"),
                "{\"outcome\":\"FOUND\",\"cameras\":[\"LIL-091\",\"LIL-092\"]}");
        complete("operator", awaitTask("operator", "Task_ExtractAndMask"), """
                {"cameras":["LIL-091","LIL-092"],"start":"%s","end":"%s","masking":"APPLIED"}"""
                .formatted(paris(FROM), paris(TO)));
        JsonObject produced = await(() -> action("PRODUCE_EXTRACT"), "PRODUCE_EXTRACT");
        assertThat(produced.getString("statusLabel")).isEqualTo("Effectuée");
        assertThat(produced.getString("note")).startsWith("Extrait(s) produit(s) : n° " + extracts.get(0)
                + " (LIL-091, SHA-256 " + sha256.substring(0, 16));
        complete("dpo", awaitTask("dpo", "Task_Decide"), "{\"decision\":\"GRANT_COPY\"}");
        await(() -> Optional.of(staffView()).filter(v -> v.getString("status").equals("MADE_AVAILABLE")), "delivery");

        // The requester sees the answer letter and the two masked copies on their tracking page, and downloads one:
        // the very file produced (same SHA-256), journalled as theirs. Another link, or a staff-only id: same 404.
        JsonObject tracking = Http.get("/api/v1/tracking/" + token).json();
        assertThat(tracking.getJsonArray("documents").getValuesAs(JsonObject.class))
                .extracting(d -> d.getString("type")).contains("RESPONSE_COPY");
        List<JsonObject> copies = tracking.getJsonArray("footage").getValuesAs(JsonObject.class);
        assertThat(copies).extracting(c -> c.getString("camera")).containsExactly("LIL-091", "LIL-092");
        assertThat(copies.get(0).getString("availableUntil"))
                .isEqualTo(staffView().getJsonObject("deadlines").getString("deliveryExpiresAt"));
        Http.Bytes copy = Http.bytes(copies.get(0).getString("downloadUrl"));
        assertThat(copy.status()).isEqualTo(200);
        assertThat(copy.headers().firstValue("Content-Type")).hasValue("video/mp4");
        assertThat(sha256(copy.body())).isEqualTo(sha256)
                .isEqualTo(copies.get(0).getString("sha256"));
        assertThat(journal(reference)).filteredOn(e -> e.getString("action").equals("FOOTAGE_EXTRACT_DOWNLOADED")
                && e.getString("actor").equals("requester")).hasSize(1);
        assertThat(Http.bytes("/api/v1/tracking/" + "A".repeat(43) + "/footage/" + extracts.get(0)).status())
                .isEqualTo(404);

        JsonObject fired = Http.post("/" + RegardDeployment.PROBE + "/cases/" + reference
                + "/timers/Timer_DeliveryExpiry/fire", "application/json", "").json();
        assertThat(fired.getInt("fired")).isEqualTo(1);
        JsonObject destroyed = await(() -> action("DESTROY_EXTRACT"), "DESTROY_EXTRACT");
        assertThat(destroyed.getString("statusLabel")).isEqualTo("Effectuée");
        assertThat(destroyed.getString("note")).startsWith("Extrait(s) détruit(s), fichiers supprimés et absence "
                + "vérifiée : n° " + extracts.get(0) + " (LIL-091), n° " + extracts.get(1) + " (LIL-092).");
        for (long id : extracts) {
            JsonObject e = extract(id);
            assertThat(e.getString("status")).isEqualTo("DESTROYED");
            assertThat(e.getJsonObject("destruction").getString("sha256"))
                    .isEqualTo(e.getJsonObject("file").getString("sha256"));
            assertThat(e.getJsonObject("destruction").getString("note")).contains("absence vérifiée");
            assertThat(Http.get("/api/v1/extracts/" + id + "/file?purpose=x", "dpo", PASSWORD).status())
                    .isEqualTo(409);
        }
        assertThat(Http.bytes(copies.get(0).getString("downloadUrl")).status()).as("gone after expiry").isEqualTo(404);
        assertThat(Http.get("/api/v1/tracking/" + token).json().getJsonArray("footage")).isEmpty();
        assertThat(journal(reference)).filteredOn(e -> e.getString("action").equals("FOOTAGE_EXTRACT_DESTROYED"))
                .isNotEmpty().allSatisfy(e -> assertThat(e.getString("purpose")).contains("destruction"));
    }

    private static String order(String camera, Instant from, Instant to) {
        return """
                {"cameras":["%s"],"from":"%s","to":"%s","purposeCategory":"DPO_REVIEW",
                 "purpose":"Examen des images avant décision"}""".formatted(camera, paris(from), paris(to));
    }

    private static JsonObject extract(long id) {
        Http.Reply reply = Http.get("/api/v1/extracts/" + id, "operator", PASSWORD);
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        return reply.json();
    }

    private static List<JsonObject> list(String ref) {
        Http.Reply reply = Http.get("/api/v1/requests/" + ref + "/extracts", "auditor", PASSWORD);
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        return reply.jsonArray().getValuesAs(JsonObject.class);
    }

    private static JsonObject awaitStatus(long id, String status) {
        return await(() -> {
            JsonObject e = extract(id);
            assertThat(e.getString("status")).as(e.toString()).isIn("QUEUED", "RUNNING", status);
            return Optional.of(e).filter(x -> x.getString("status").equals(status));
        }, "extract " + id + " " + status);
    }

    private static Optional<JsonObject> action(String type) {
        return staffView().getJsonArray("archiveActions").getValuesAs(JsonObject.class).stream()
                .filter(a -> a.getString("type").equals(type)).findFirst();
    }

    private static JsonObject staffView() {
        Http.Reply reply = Http.get("/api/v1/requests/" + reference, "dpo", PASSWORD);
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        return reply.json();
    }

    private static JsonObject awaitTask(String user, String taskKey) {
        return await(() -> {
            Http.Reply reply = Http.get("/api/v1/tasks", user, PASSWORD);
            return reply.json().getJsonArray("tasks").getValuesAs(JsonObject.class).stream()
                    .filter(t -> t.getString("reference").equals(reference) && t.getString("taskKey").equals(taskKey))
                    .findFirst();
        }, taskKey);
    }

    private static void complete(String user, JsonObject task, String json) {
        Http.Reply reply = Http.postJsonAs("/api/v1/tasks/" + task.getString("id") + "/complete", user, PASSWORD, json);
        assertThat(reply.status()).as(reply.body()).isEqualTo(204);
    }

    private static List<JsonObject> journal(String objectId) {
        return Http.get("/" + RegardDeployment.PROBE + "/journal?object=" + URLEncoder.encode(objectId,
                StandardCharsets.UTF_8)).json().getJsonArray("entries").getValuesAs(JsonObject.class);
    }

    private static int decodedFrames(Path file) throws Exception {
        try (SeekableByteChannel channel = NIOUtils.readableChannel(file.toFile())) {
            FrameGrab grab = FrameGrab.createFrameGrab(channel);
            int frames = 0;
            Picture picture;
            while ((picture = grab.getNativeFrame()) != null) {
                assertThat(picture.getWidth()).isEqualTo(SyntheticFootage.DEFAULT_WIDTH);
                frames++;
            }
            return frames;
        }
    }

    private static String sha256(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }

    private static <T> T await(Supplier<Optional<T>> probe, String what) {
        return Await.until(probe, PATIENCE, what);
    }

    private static String paris(Instant instant) {
        return OffsetDateTime.ofInstant(instant, LegalCalendar.PARIS).toString();
    }
}
