package fr.regard.it;

import static org.assertj.core.api.Assertions.assertThat;

import fr.regard.journal.format.InMemoryLeafHashes;
import fr.regard.journal.format.MerkleTree;
import jakarta.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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
 * The purge on the real server (issue 5 point 7): segments planted in the archive root — expired and fresh, held by a
 * judicial requisition and not — indexed by the ingest, purged through {@code POST /api/v1/purges} (the footage-purge
 * process and its jobs), then: files gone or kept, the batch and its manifest (Merkle root recomputed from the listed
 * segments), its journal event, and the destruction answers of two verification requests. One story, ordered steps.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FootagePurgeIT {

    private static final String PASSWORD = "it-demo-secret";
    /** Cameras no other suite plants footage on. */
    private static final String FREE = "HEL-008";
    private static final String HELD = "HEL-009";
    private static final Path ROOT = Path.of(System.getProperty("regard.it.archive.root", "target/it-archive"));
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("uuuuMMdd").withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HHmmss").withZone(ZoneOffset.UTC);
    private static final HexFormat HEX = HexFormat.of();

    /** 25 days ago (past the 14-day retention; away from the 20-day-old windows of CaseLifecycleIT). */
    private static final Instant OLD = Instant.now().minus(Duration.ofDays(25)).truncatedTo(ChronoUnit.HOURS);
    private static final Instant FRESH = Instant.now().minus(Duration.ofHours(2)).truncatedTo(ChronoUnit.MINUTES);
    private static final String REQUISITION = "PV-2026-IT-0042";

    /** location → SHA-256 of the planted bytes. */
    private static final Map<String, String> PLANTED = new HashMap<>();
    private static long batchId;

    @Deployment(testable = false)
    static EnterpriseArchive regard() {
        return RegardDeployment.withProbe();
    }

    @BeforeAll
    static void plant() throws Exception {
        for (String camera : List.of(FREE, HELD)) {
            SegmentFiles.deleteTree(ROOT.resolve(camera));
            for (int minute = 0; minute < 30; minute++) {
                plant(camera, OLD.plus(Duration.ofMinutes(minute)));
            }
        }
        for (int minute = 0; minute < 5; minute++) {
            plant(FREE, FRESH.plus(Duration.ofMinutes(minute)));
        }
        // the test owns these cameras' rows and holds (a previous build may have used the same database)
        sql("delete from footage_segment where camera_id in ('" + FREE + "', '" + HELD + "')");
        sql("update footage_hold set released_at = current_timestamp, released_by = 'it', release_reason = 'nettoyage' "
                + "where camera_id in ('" + FREE + "', '" + HELD + "') and released_at is null");
    }

    @Test
    @Order(1)
    @DisplayName("a DPO places a judicial hold on ten minutes of one camera; the ingest indexes the planted segments")
    void holdAndIngest() {
        Http.Reply hold = Http.postJsonAs("/api/v1/holds", "dpo", PASSWORD, """
                {"requisition":"%s","cameras":["%s"],"start":"%s","end":"%s",
                 "reason":"Réquisition du parquet de Lille (enquête préliminaire)"}"""
                .formatted(REQUISITION, HELD, OLD.plus(Duration.ofMinutes(10)), OLD.plus(Duration.ofMinutes(20))));
        assertThat(hold.status()).as(hold.body()).isEqualTo(201);

        Http.Reply ingest = Http.postAs("/api/v1/archive/ingest", "operator", PASSWORD);
        assertThat(ingest.status()).as(ingest.body()).isEqualTo(200);
        assertThat(ingest.json().getJsonNumber("indexed").longValue()).isGreaterThanOrEqualTo(65);
    }

    @Test
    @Order(2)
    @DisplayName("only an administrator runs the purge now: 202 with the open batch; anonymous 401, a DPO 403")
    void runNow() {
        assertThat(Http.postAs("/api/v1/purges", "dpo", PASSWORD).status()).isEqualTo(403);
        assertThat(Http.post("/api/v1/purges", "application/json", "").status()).isEqualTo(401);
        assertThat(Http.get("/api/v1/purges").status()).isEqualTo(401);
        assertThat(Http.get("/api/v1/purges", "operator", PASSWORD).status()).isEqualTo(403);

        // the start-up catch-up may still be running: the API says so (409) until it is done
        Http.Reply accepted = CaseLifecycleIT.await(() -> {
            Http.Reply reply = Http.postAs("/api/v1/purges", "admin", PASSWORD);
            if (reply.status() == 409) {
                assertThat(reply.body()).contains("Une purge est déjà en cours");
                return Optional.empty();
            }
            return Optional.of(reply);
        }, "a purge accepted");
        assertThat(accepted.status()).as(accepted.body()).isEqualTo(202);
        batchId = accepted.json().getJsonNumber("id").longValue();
        assertThat(accepted.location()).endsWith("/api/v1/purges/" + batchId);
    }

    @Test
    @Order(3)
    @DisplayName("expired unheld segments are destroyed; fresh and held ones kept; the batch counts them per camera")
    void destroyedAndKept() {
        JsonObject batch = CaseLifecycleIT.await(() -> Optional.of(batch("auditor"))
                .filter(b -> !b.getString("status").equals("RUNNING")), "batch " + batchId + " closed");

        assertThat(batch.getString("status")).isEqualTo("COMPLETED");
        assertThat(batch.getString("trigger")).isEqualTo("ADMIN");
        assertThat(batch.getString("triggeredBy")).isEqualTo("admin");
        for (int minute = 0; minute < 30; minute++) {
            Instant start = OLD.plus(Duration.ofMinutes(minute));
            assertThat(Files.exists(ROOT.resolve(location(FREE, start)))).as("expired %s", start).isFalse();
            boolean held = minute >= 10 && minute < 20;
            assertThat(Files.exists(ROOT.resolve(location(HELD, start)))).as("held %s: %s", start, held)
                    .isEqualTo(held);
        }
        for (int minute = 0; minute < 5; minute++) {
            assertThat(Files.exists(ROOT.resolve(location(FREE, FRESH.plus(Duration.ofMinutes(minute)))))).isTrue();
        }
        Map<String, JsonObject> cameras = new HashMap<>();
        batch.getJsonArray("cameras").getValuesAs(JsonObject.class).forEach(c -> cameras.put(c.getString("cameraId"), c));
        assertThat(cameras).hasSize(120);
        assertThat(cameras.get(FREE).getJsonNumber("segments").longValue()).isEqualTo(30);
        assertThat(cameras.get(FREE).getInt("retentionDays")).isEqualTo(14);
        assertThat(Instant.parse(cameras.get(FREE).getString("firstStart"))).isEqualTo(OLD);
        assertThat(Instant.parse(cameras.get(FREE).getString("lastEnd"))).isEqualTo(OLD.plus(Duration.ofMinutes(30)));
        assertThat(cameras.get(HELD).getJsonNumber("segments").longValue()).isEqualTo(20);
        long perCamera = cameras.values().stream().mapToLong(c -> c.getJsonNumber("segments").longValue()).sum();
        assertThat(batch.getJsonNumber("segments").longValue()).isEqualTo(perCamera).isGreaterThanOrEqualTo(50);

        JsonObject list = Http.get("/api/v1/purges?limit=5", "dpo", PASSWORD).json();
        assertThat(list.getJsonArray("batches").getValuesAs(JsonObject.class))
                .anySatisfy(b -> assertThat(b.getJsonNumber("id").longValue()).isEqualTo(batchId));
        assertThat(list.getJsonArray("incidents")).isEmpty();
    }

    @Test
    @Order(4)
    @DisplayName("the manifest lists every destroyed segment with its ingest hash; its Merkle root recomputes")
    void manifest() {
        Http.Reply reply = Http.get("/api/v1/purges/" + batchId + "/manifest", "auditor", PASSWORD);
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        JsonObject manifest = reply.json();
        assertThat(manifest.getString("format")).isEqualTo("regard-purge-manifest/1");
        JsonObject tree = manifest.getJsonObject("merkleTree");
        List<JsonObject> segments = manifest.getJsonArray("segments").getValuesAs(JsonObject.class);
        assertThat(tree.getJsonNumber("size").longValue()).isEqualTo(segments.size());
        assertThat(tree.getString("root")).isEqualTo(manifest.getJsonObject("batch").getString("merkleRoot"));

        List<byte[]> leaves = new ArrayList<>();
        for (JsonObject s : segments) {
            leaves.add((s.getString("cameraId") + "\n" + s.getString("start") + "\n" + s.getString("end") + "\n"
                    + s.getJsonNumber("sizeBytes").longValue() + "\n" + s.getString("sha256"))
                    .getBytes(StandardCharsets.UTF_8));
        }
        assertThat(HEX.formatHex(new MerkleTree(InMemoryLeafHashes.ofEntries(leaves)).rootHash()))
                .isEqualTo(tree.getString("root"));
        assertThat(segments).isSortedAccordingTo(Comparator.comparing((JsonObject s) -> s.getString("cameraId"))
                .thenComparing(s -> Instant.parse(s.getString("start"))));
        List<JsonObject> free = segments.stream().filter(s -> s.getString("cameraId").equals(FREE)).toList();
        assertThat(free).hasSize(30).allSatisfy(s -> assertThat(s.getString("sha256"))
                .isEqualTo(PLANTED.get(location(FREE, Instant.parse(s.getString("start"))))));

        assertThat(Http.get("/api/v1/purges/999999/manifest", "auditor", PASSWORD).status()).isEqualTo(404);
        assertThat(Http.get("/api/v1/purges/abc", "auditor", PASSWORD).status()).isEqualTo(404);
    }

    @Test
    @Order(5)
    @DisplayName("one journal event for the batch, with its counts and Merkle root")
    void journalled() {
        JsonObject batch = batch("auditor");
        List<JsonObject> events = CaseLifecycleIT.await(() -> Optional.of(Http.get("/" + RegardDeployment.PROBE
                        + "/journal?object=" + batchId).json().getJsonArray("entries").getValuesAs(JsonObject.class)
                .stream().filter(e -> e.getString("action").equals("FOOTAGE_PURGE_COMPLETED")
                        && e.containsKey("canonical")).toList()).filter(l -> !l.isEmpty()), "journal of the batch");
        assertThat(events).singleElement().satisfies(e -> {
            assertThat(e.getString("purpose")).startsWith("Destruction des enregistrements arrivés au terme");
            assertThat(e.getString("canonical")).contains("\"purge_batch\"", "\"merkleRoot\":\""
                    + batch.getString("merkleRoot") + "\"", "\"segments\":\"" + batch.getJsonNumber("segments") + "\"");
        });
    }

    @Test
    @Order(6)
    @DisplayName("verification requests: destroyed window answered from the batches, held window under judicial hold")
    void destructionAnswers() {
        // 30-minute windows (CaseLifecycleIT.file): minutes -22 to 8 are destroyed on both cameras
        CaseLifecycleIT.Filed destroyed = CaseLifecycleIT.file("VERIFY_DESTRUCTION", OLD.plus(Duration.ofMinutes(8)));
        JsonObject closed = qualifyAndClose(destroyed.reference());
        assertThat(closed.getJsonObject("destruction").getString("finding")).isEqualTo("DESTROYED");
        assertThat(CaseLifecycleIT.actions(closed, "CHECK_DESTRUCTION")).singleElement().satisfies(a -> {
            assertThat(a.getString("status")).isEqualTo("DONE");
            assertThat(a.getString("note")).contains("vérifié dans l'index", "n° " + batchId);
        });

        // minutes -15 to 15: HEL-009's minutes 10 to 14 are kept by the requisition
        CaseLifecycleIT.Filed held = CaseLifecycleIT.file("VERIFY_DESTRUCTION", OLD.plus(Duration.ofMinutes(15)));
        JsonObject judicial = qualifyAndClose(held.reference());
        assertThat(judicial.getJsonObject("destruction").getString("finding")).isEqualTo("JUDICIAL_HOLD");
        assertThat(CaseLifecycleIT.actions(judicial, "CHECK_DESTRUCTION")).singleElement()
                .satisfies(a -> assertThat(a.getString("note")).contains(REQUISITION));
    }

    private static JsonObject qualifyAndClose(String reference) {
        Http.Reply done = CaseLifecycleIT.complete("dpo", CaseLifecycleIT.awaitTask("dpo", reference,
                "Task_QualifyRequest"), "{\"identityDoubt\":false,\"precise\":true,\"regime\":\"GDPR_ART15\"}");
        assertThat(done.status()).as(done.body()).isEqualTo(204);
        return CaseLifecycleIT.awaitStaff(reference, v -> v.getString("status").equals("CLOSED"));
    }

    private static JsonObject batch(String user) {
        Http.Reply reply = Http.get("/api/v1/purges/" + batchId, user, PASSWORD);
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        return reply.json();
    }

    private static void plant(String camera, Instant start) throws Exception {
        byte[] bytes = SegmentFiles.mp4(camera + " " + start + " purge");
        Path file = ROOT.resolve(location(camera, start));
        Files.createDirectories(file.getParent());
        Files.write(file, bytes);
        PLANTED.put(location(camera, start), HEX.formatHex(MessageDigest.getInstance("SHA-256").digest(bytes)));
    }

    /** Where the ingest finds a one-minute segment of {@code camera} starting at {@code start}. */
    static String location(String camera, Instant start) {
        return camera + "/" + DAY.format(start) + "/" + TIME.format(start) + "-60.mp4";
    }

    /** Runs a statement on the server's database through the probe. */
    static void sql(String statement) {
        Http.Reply reply = Http.post("/" + RegardDeployment.PROBE + "/sql", "text/plain", statement);
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        assertThat(reply.json().getString("outcome")).as(reply.body()).isEqualTo("executed");
    }
}
