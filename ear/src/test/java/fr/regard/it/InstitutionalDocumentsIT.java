package fr.regard.it;

import static org.assertj.core.api.Assertions.assertThat;

import fr.regard.calendar.domain.LegalCalendar;
import fr.regard.journal.format.InMemoryLeafHashes;
import fr.regard.journal.format.MerkleTree;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentNameDictionary;
import org.apache.pdfbox.pdmodel.common.filespecification.PDComplexFileSpecification;
import org.apache.pdfbox.text.PDFTextStripper;
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
 * The documents Regard issues for no case, on the real server: the daily purge certificate issued when a purge run
 * closes its batch (manifest as its data file, once per batch), the journal export and the annual report on demand,
 * each a sealed PDF in the registry, downloadable by auditors (journalled) and recognised by the public verification.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class InstitutionalDocumentsIT {

    private static final String PASSWORD = "it-demo-secret";
    /** A camera no other suite plants footage on. */
    private static final String CAMERA = "HEL-010";
    private static final Path ROOT = Path.of(System.getProperty("regard.it.archive.root", "target/it-archive"));
    private static final HexFormat HEX = HexFormat.of();
    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    /** 26 days ago: past the 14-day retention, away from FootagePurgeIT's and CaseLifecycleIT's windows. */
    private static final Instant OLD = Instant.now().minus(Duration.ofDays(26)).truncatedTo(ChronoUnit.HOURS);

    private static final Map<String, String> PLANTED = new HashMap<>();
    private static long batchId;
    private static long certificateId;
    private static String reference;

    @Deployment(testable = false)
    static EnterpriseArchive regard() {
        return RegardDeployment.withProbe();
    }

    @BeforeAll
    static void plant() throws Exception {
        SegmentFiles.deleteTree(ROOT.resolve(CAMERA));
        for (int minute = 0; minute < 10; minute++) {
            Instant start = OLD.plus(Duration.ofMinutes(minute));
            byte[] bytes = SegmentFiles.mp4(CAMERA + " " + start + " certificate");
            Path file = ROOT.resolve(location(start));
            Files.createDirectories(file.getParent());
            Files.write(file, bytes);
            PLANTED.put(start.toString(), HEX.formatHex(MessageDigest.getInstance("SHA-256").digest(bytes)));
        }
        sql("delete from footage_segment where camera_id = '" + CAMERA + "'");
        sql("update footage_hold set released_at = current_timestamp, released_by = 'it', release_reason = 'nettoyage' "
                + "where camera_id = '" + CAMERA + "' and released_at is null");
        // a request of this year, for the annual report
        Instant end = Instant.now().minus(1, ChronoUnit.DAYS);
        Http.Reply filed = Http.postJson("/api/v1/requests", RequestApiIT.request("ACCESS",
                OffsetDateTime.ofInstant(end.minus(30, ChronoUnit.MINUTES), LegalCalendar.PARIS).toString(),
                OffsetDateTime.ofInstant(end, LegalCalendar.PARIS).toString()));
        assertThat(filed.status()).as(filed.body()).isEqualTo(201);
        reference = filed.json().getString("reference");
    }

    @Test
    @Order(1)
    @DisplayName("a purge run issues its certificate once the batch is closed; the batch view links it")
    void purgeIssuesItsCertificate() {
        Http.Reply hold = Http.postJsonAs("/api/v1/holds", "dpo", PASSWORD, """
                {"requisition":"PV-2026-IT-CERT","cameras":["%s"],"start":"%s","end":"%s",
                 "reason":"Réquisition du parquet de Lille (certificat de purge)"}"""
                .formatted(CAMERA, OLD.plus(Duration.ofMinutes(7)), OLD.plus(Duration.ofMinutes(10))));
        assertThat(hold.status()).as(hold.body()).isEqualTo(201);
        Http.Reply ingest = Http.postAs("/api/v1/archive/ingest", "operator", PASSWORD);
        assertThat(ingest.status()).as(ingest.body()).isEqualTo(200);

        Http.Reply accepted = Await.until(() -> {
            Http.Reply reply = Http.postAs("/api/v1/purges", "admin", PASSWORD);
            return reply.status() == 409 ? Optional.empty() : Optional.of(reply);
        }, Duration.ofSeconds(120), "a purge accepted");
        assertThat(accepted.status()).as(accepted.body()).isEqualTo(202);
        batchId = accepted.json().getJsonNumber("id").longValue();

        JsonObject batch = Await.until(() -> Optional.of(batch()).filter(b -> b.containsKey("certificate")),
                Duration.ofSeconds(120), "the certificate of batch " + batchId);
        assertThat(batch.getString("status")).isEqualTo("COMPLETED");
        JsonObject certificate = batch.getJsonObject("certificate");
        certificateId = certificate.getJsonNumber("documentId").longValue();
        assertThat(certificate.getString("type")).isEqualTo("PURGE_CERTIFICATE");
        assertThat(certificate.getString("downloadUrl")).isEqualTo("/api/v1/documents/" + certificateId);
        JsonObject listed = Http.get("/api/v1/purges?limit=5", "auditor", PASSWORD).json().getJsonArray("batches")
                .getValuesAs(JsonObject.class).stream().filter(b -> b.getJsonNumber("id").longValue() == batchId)
                .findFirst().orElseThrow();
        assertThat(listed.getJsonObject("certificate").getJsonNumber("documentId").longValue()).isEqualTo(certificateId);

        // a retried step, or a second node, issues nothing more
        JsonObject again = Http.post("/" + RegardDeployment.PROBE + "/institutional/purge-certificate/" + batchId,
                "application/json", "").json();
        assertThat(again.getJsonNumber("documentId").longValue()).isEqualTo(certificateId);
        assertThat(batch().getJsonObject("certificate").getJsonNumber("documentId").longValue()).isEqualTo(certificateId);
    }

    @Test
    @Order(2)
    @DisplayName("the certificate: downloadable by auditor and DPO (journalled), sealed, its data file is the manifest")
    void certificateContent() throws Exception {
        byte[] pdf = download(certificateId, "auditor");
        assertThat(download(certificateId, "dpo")).isEqualTo(pdf);
        assertThat(get("/api/v1/documents/" + certificateId, null).statusCode()).isEqualTo(401);

        JsonObject batch = batch();
        String text = text(pdf);
        assertThat(text).contains("Certificat de purge quotidienne", "lot de purge n° " + batchId,
                batch.getString("merkleRoot"), "L252-5", "mesure de conservation : " + format(
                        dataFile(pdf).getJsonObject("data").getJsonNumber("segmentsHeld").longValue()));
        assertThat(text.replace(" ", "")).as("the camera's line (a table cell may wrap)").contains(CAMERA);

        JsonObject dataFile = dataFile(pdf);
        assertThat(dataFile.getString("format")).isEqualTo("regard-document-data/1");
        assertThat(dataFile.getString("type")).isEqualTo("PURGE_CERTIFICATE");
        JsonObject data = dataFile.getJsonObject("data");
        assertThat(data.getJsonNumber("batchId").longValue()).isEqualTo(batchId);
        assertThat(data.getString("merkleRoot")).isEqualTo(batch.getString("merkleRoot"));
        List<JsonObject> segments = data.getJsonArray("segments").getValuesAs(JsonObject.class);
        assertThat((long) segments.size()).isEqualTo(batch.getJsonNumber("segments").longValue());
        List<byte[]> leaves = new ArrayList<>();
        for (JsonObject s : segments) {
            leaves.add((s.getString("cameraId") + "\n" + s.getString("start") + "\n" + s.getString("end") + "\n"
                    + s.getJsonNumber("sizeBytes").longValue() + "\n" + s.getString("sha256"))
                    .getBytes(StandardCharsets.UTF_8));
        }
        assertThat(HEX.formatHex(new MerkleTree(InMemoryLeafHashes.ofEntries(leaves)).rootHash()))
                .as("the Merkle root recomputed from the certificate alone").isEqualTo(data.getString("merkleRoot"));
        List<JsonObject> mine = segments.stream().filter(s -> s.getString("cameraId").equals(CAMERA)).toList();
        assertThat(mine).hasSize(7).allSatisfy(s ->
                assertThat(s.getString("sha256")).isEqualTo(PLANTED.get(s.getString("start"))));
        JsonObject camera = data.getJsonArray("cameras").getValuesAs(JsonObject.class).stream()
                .filter(c -> c.getString("camera").equals(CAMERA)).findFirst().orElseThrow();
        assertThat(camera.getJsonNumber("segments").longValue()).isEqualTo(7);
        MessageDigest hashList = MessageDigest.getInstance("SHA-256");
        mine.forEach(s -> hashList.update((s.getString("sha256") + "\n").getBytes(StandardCharsets.US_ASCII)));
        assertThat(camera.getString("hashListSha256")).isEqualTo(HEX.formatHex(hashList.digest()));
        assertThat(data.getJsonNumber("segmentsHeld").longValue()).as("kept by the requisition").isGreaterThanOrEqualTo(3);

        JsonObject verified = verify(pdf);
        assertThat(verified.getBoolean("valid")).as(verified.toString()).isTrue();
        assertThat(verified.getBoolean("intact")).isTrue();
        assertThat(verified.getBoolean("issuedByRegard")).isTrue();
        assertThat(verified.getJsonObject("registry").getString("type")).isEqualTo("PURGE_CERTIFICATE");

        List<JsonObject> journal = Await.until(() -> Optional.of(journal(String.valueOf(certificateId)))
                        .filter(j -> j.stream().anyMatch(e -> e.getString("action").equals("DOCUMENT_DOWNLOADED")
                                && e.getString("actor").equals("auditor"))),
                Duration.ofSeconds(30), "the auditor's download journalled");
        assertThat(journal).extracting(e -> e.getString("action")).contains("DOCUMENT_ISSUED");
    }

    @Test
    @Order(2)
    @DisplayName("a verification request on the purged window gets an attestation citing that batch's certificate, "
            + "verified in the archive's index")
    void attestationCitesTheCertificate() throws Exception {
        Http.Reply filed = Http.postJson("/api/v1/requests", RequestApiIT.request("VERIFY_DESTRUCTION",
                OffsetDateTime.ofInstant(OLD, LegalCalendar.PARIS).toString(),
                OffsetDateTime.ofInstant(OLD.plus(Duration.ofMinutes(6)), LegalCalendar.PARIS).toString()));
        assertThat(filed.status()).as(filed.body()).isEqualTo(201);
        String verification = filed.json().getString("reference");
        String token = filed.json().getString("trackingToken");
        assertThat(CaseLifecycleIT.complete("dpo", CaseLifecycleIT.awaitTask("dpo", verification, "Task_QualifyRequest"),
                "{\"identityDoubt\":false,\"precise\":true,\"regime\":\"GDPR_ART15\"}").status()).isEqualTo(204);
        CaseLifecycleIT.awaitStaff(verification, v -> v.getString("status").equals("CLOSED"));
        JsonObject attestation = Await.until(() -> Http.get("/api/v1/tracking/" + token).json()
                        .getJsonArray("documents").getValuesAs(JsonObject.class).stream()
                        .filter(d -> d.getString("type").equals("DESTRUCTION_ATTESTATION")).findFirst(),
                Duration.ofSeconds(60), "the attestation of " + verification);
        HttpResponse<byte[]> pdf = CLIENT.send(HttpRequest.newBuilder(URI.create(Http.BASE
                + attestation.getString("downloadUrl"))).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(pdf.statusCode()).isEqualTo(200);
        String text = text(pdf.body());
        String day = LocalDate.ofInstant(Instant.parse(batch().getString("startedAt")), LegalCalendar.PARIS).toString();
        assertThat(text).contains("Attestation de destruction", "PURGE-" + day + "-" + batchId,
                "constatée dans l'archive des enregistrements");
        assertThat(text.replace(" ", "")).contains(CAMERA);
    }

    @Test
    @Order(3)
    @DisplayName("journal export: 201 with the document; entries, leaf hashes and the checkpoint that covers them")
    void journalExport() throws Exception {
        LocalDate today = LocalDate.now(LegalCalendar.PARIS);
        Http.Reply created = Http.postJsonAs("/api/v1/journal/exports", "auditor", PASSWORD,
                "{\"from\":\"" + today + "\",\"to\":\"" + today + "\"}");
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        long id = created.json().getJsonNumber("id").longValue();
        assertThat(created.json().getString("type")).isEqualTo("JOURNAL_EXPORT");
        assertThat(created.json().getString("downloadUrl")).isEqualTo("/api/v1/documents/" + id);
        assertThat(created.location()).endsWith("/api/v1/documents/" + id);

        byte[] pdf = download(id, "auditor");
        JsonObject data = dataFile(pdf).getJsonObject("data");
        List<JsonObject> entries = data.getJsonArray("entries").getValuesAs(JsonObject.class);
        assertThat(entries).isNotEmpty();
        assertThat(entries).anySatisfy(e -> assertThat(e.getString("caseReference", "")).isEqualTo(reference));
        long treeSize = data.getJsonNumber("treeSize").longValue();
        assertThat(entries).allSatisfy(e -> assertThat(e.getJsonNumber("seq").longValue()).isLessThan(treeSize));
        assertThat(data.getString("checkpoint")).contains("\n" + treeSize + "\n");

        // an entry's leaf hash is the journal's, and its inclusion proof reaches the exported root
        JsonObject last = entries.get(entries.size() - 1);
        long seq = last.getJsonNumber("seq").longValue();
        JsonObject proof = Http.get("/api/v1/journal/proofs/inclusion?seq=" + seq + "&treeSize=" + treeSize).json();
        assertThat(HEX.formatHex(Base64.getDecoder().decode(proof.getString("leafHash")))).isEqualTo(last.getString("leafHash"));
        assertThat(HEX.formatHex(Base64.getDecoder().decode(proof.getString("rootHash")))).isEqualTo(data.getString("rootHash"));
        // the SHA-256 of the exported entries' canonical lines
        MessageDigest lines = MessageDigest.getInstance("SHA-256");
        long first = entries.get(0).getJsonNumber("seq").longValue();
        List<JsonObject> stored = new ArrayList<>();
        for (long from = first; from <= seq; from += 1000) {
            stored.addAll(Http.get("/api/v1/journal/entries?from=" + from + "&limit=1000", "auditor", PASSWORD).json()
                    .getJsonArray("entries").getValuesAs(JsonObject.class));
        }
        List<Long> exported = entries.stream().map(e -> e.getJsonNumber("seq").longValue()).toList();
        stored.stream().filter(s -> exported.contains(s.getJsonNumber("seq").longValue()))
                .forEach(s -> lines.update((canonical(s.getJsonObject("entry")) + "\n").getBytes(StandardCharsets.UTF_8)));
        assertThat(HEX.formatHex(lines.digest())).isEqualTo(data.getString("bundleSha256"));

        String text = text(pdf);
        assertThat(text).contains("Export du journal des opérations", data.getString("rootHash"),
                String.valueOf(today.getYear()));
        assertThat(verify(pdf).getBoolean("valid")).isTrue();
    }

    @Test
    @Order(4)
    @DisplayName("journal export: bad dates 400, too long a period 422, operator 403, anonymous 401")
    void journalExportRefusals() {
        LocalDate today = LocalDate.now(LegalCalendar.PARIS);
        Http.Reply bad = Http.postJsonAs("/api/v1/journal/exports", "auditor", PASSWORD, "{\"from\":\"2026-13-01\"}");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.body()).contains("\"field\":\"from\"", "AAAA-MM-JJ");
        Http.Reply reversed = Http.postJsonAs("/api/v1/journal/exports", "auditor", PASSWORD,
                "{\"from\":\"" + today + "\",\"to\":\"" + today.minusDays(3) + "\"}");
        assertThat(reversed.status()).isEqualTo(400);
        assertThat(reversed.body()).contains("\"field\":\"from\"");
        Http.Reply future = Http.postJsonAs("/api/v1/journal/exports", "dpo", PASSWORD,
                "{\"to\":\"" + today.plusDays(2) + "\"}");
        assertThat(future.status()).isEqualTo(400);
        assertThat(future.body()).contains("\"field\":\"to\"");
        Http.Reply tooLong = Http.postJsonAs("/api/v1/journal/exports", "auditor", PASSWORD,
                "{\"from\":\"" + today.minusYears(2) + "\",\"to\":\"" + today + "\"}");
        assertThat(tooLong.status()).isEqualTo(422);
        assertThat(tooLong.body()).contains("export-too-large", "366");
        assertThat(Http.postJsonAs("/api/v1/journal/exports", "operator", PASSWORD, "{}").status()).isEqualTo(403);
        assertThat(Http.postJsonAs("/api/v1/journal/exports", "admin", PASSWORD, "{}").status()).isEqualTo(403);
        assertThat(Http.postJson("/api/v1/journal/exports", "{}").status()).isEqualTo(401);
    }

    @Test
    @Order(5)
    @DisplayName("the daily export of a day is issued once, however often it runs")
    void dailyExportOnce() {
        String day = LocalDate.now(LegalCalendar.PARIS).minusDays(400).toString();
        JsonObject first = Http.post("/" + RegardDeployment.PROBE + "/institutional/daily-export?day=" + day,
                "application/json", "").json();
        JsonObject second = Http.post("/" + RegardDeployment.PROBE + "/institutional/daily-export?day=" + day,
                "application/json", "").json();
        if (first.containsKey("documentId")) {
            assertThat(second.containsKey("documentId")).as("a second run issues nothing").isFalse();
        } else {
            // a previous build on the same database exported that day already
            assertThat(second.containsKey("documentId")).isFalse();
        }
    }

    @Test
    @Order(6)
    @DisplayName("annual report: issued for the DPO from the registers; future or bad year 422; auditor 403")
    void annualReport() throws Exception {
        int year = LocalDate.now(LegalCalendar.PARIS).getYear();
        Http.Reply created = Http.postAs("/api/v1/reports/annual/" + year, "dpo", PASSWORD);
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        long id = created.json().getJsonNumber("id").longValue();
        assertThat(created.json().getString("type")).isEqualTo("ANNUAL_REPORT");

        byte[] pdf = download(id, "auditor");
        JsonObject data = dataFile(pdf).getJsonObject("data");
        assertThat(data.getInt("year")).isEqualTo(year);
        JsonObject requests = data.getJsonObject("requests");
        assertThat(requests.getJsonNumber("total").longValue()).isGreaterThanOrEqualTo(1);
        assertThat(requests.getJsonNumber("web").longValue()).isGreaterThanOrEqualTo(1);
        assertThat(requests.getJsonNumber("total").longValue()).isGreaterThanOrEqualTo(
                requests.getJsonNumber("web").longValue() + requests.getJsonNumber("email").longValue()
                        + requests.getJsonNumber("letter").longValue());
        JsonObject purges = data.getJsonObject("purges");
        assertThat(purges.getJsonNumber("certificates").longValue()).isGreaterThanOrEqualTo(1);
        assertThat(purges.getJsonNumber("segmentsDestroyed").longValue()).isGreaterThanOrEqualTo(7);
        assertThat(purges.getJsonNumber("judicialHolds").longValue()).isGreaterThanOrEqualTo(1);
        String text = text(pdf);
        assertThat(text).contains("Rapport annuel", "pour l'année " + year,
                "Demandes reçues " + format(requests.getJsonNumber("total").longValue()));
        assertThat(verify(pdf).getBoolean("valid")).isTrue();

        Http.Reply future = Http.postAs("/api/v1/reports/annual/" + (year + 1), "dpo", PASSWORD);
        assertThat(future.status()).isEqualTo(422);
        assertThat(future.body()).contains("\"field\":\"year\"", "n'a pas commencé");
        assertThat(Http.postAs("/api/v1/reports/annual/1999", "dpo", PASSWORD).status()).isEqualTo(422);
        Http.Reply word = Http.postAs("/api/v1/reports/annual/deux-mille", "dpo", PASSWORD);
        assertThat(word.status()).isEqualTo(422);
        assertThat(word.body()).contains("quatre chiffres");
        assertThat(Http.postAs("/api/v1/reports/annual/" + year, "auditor", PASSWORD).status()).isEqualTo(403);
        assertThat(Http.post("/api/v1/reports/annual/" + year, "application/json", "").status()).isEqualTo(401);
    }

    // --- helpers --------------------------------------------------------------------------------------------------

    private static JsonObject batch() {
        Http.Reply reply = Http.get("/api/v1/purges/" + batchId, "auditor", PASSWORD);
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        return reply.json();
    }

    private static byte[] download(long id, String user) throws Exception {
        HttpResponse<byte[]> reply = get("/api/v1/documents/" + id, user);
        assertThat(reply.statusCode()).isEqualTo(200);
        assertThat(reply.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/pdf"));
        assertThat(reply.headers().firstValue("X-Content-SHA256")).hasValue(
                HEX.formatHex(MessageDigest.getInstance("SHA-256").digest(reply.body())));
        return reply.body();
    }

    private static HttpResponse<byte[]> get(String path, String user) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(Http.BASE + path)).GET();
        if (user != null) {
            request.header("Authorization", "Basic " + Base64.getEncoder()
                    .encodeToString((user + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8)));
        }
        return CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    private static JsonObject verify(byte[] pdf) throws Exception {
        HttpResponse<String> reply = CLIENT.send(HttpRequest.newBuilder(URI.create(Http.BASE + "/api/v1/documents/verify"))
                .header("Content-Type", "application/pdf").POST(HttpRequest.BodyPublishers.ofByteArray(pdf)).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        assertThat(reply.statusCode()).as(reply.body()).isEqualTo(200);
        return Json.createReader(new StringReader(reply.body())).readObject();
    }

    /** The PDF/A-3 associated data file (regard-document-data.json). */
    private static JsonObject dataFile(byte[] pdf) throws Exception {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            PDDocumentNameDictionary names = document.getDocumentCatalog().getNames();
            assertThat(names).isNotNull();
            PDComplexFileSpecification spec = names.getEmbeddedFiles().getNames().get("regard-document-data.json");
            assertThat(spec).as("the data file").isNotNull();
            String json = new String(spec.getEmbeddedFile().toByteArray(), StandardCharsets.UTF_8);
            return Json.createReader(new StringReader(json)).readObject();
        }
    }

    private static String text(byte[] pdf) throws Exception {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(document).replaceAll("\\s+", " ");
        }
    }

    private static List<JsonObject> journal(String objectId) {
        return Http.get("/" + RegardDeployment.PROBE + "/journal?object=" + objectId).json().getJsonArray("entries")
                .getValuesAs(JsonObject.class);
    }

    /** The entry as stored (canonical JSON: members in the stored order, no insignificant space). */
    private static String canonical(JsonObject entry) {
        return entry.toString();
    }

    private static String format(long count) {
        return String.format(java.util.Locale.FRANCE, "%,d", count).replace('\u202f', '\u00a0');
    }

    private static String location(Instant start) {
        return FootagePurgeIT.location(CAMERA, start);
    }

    private static void sql(String statement) {
        FootagePurgeIT.sql(statement);
    }
}
