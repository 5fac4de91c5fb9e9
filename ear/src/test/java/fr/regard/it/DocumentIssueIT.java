package fr.regard.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import fr.regard.calendar.domain.LegalCalendar;
import fr.regard.documents.infrastructure.IndependentChecks;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Issue 6 end to end on the real server: a request filed on the REST intake gets its accusé de réception issued by
 * the workflow's first step as a sealed PDF, registered on its case, downloadable by staff and by the requester
 * through the tracking link, checked by veraPDF (PDF/A-3B, PDF/UA-1), EU DSS (strict policy) and pdfsig; the public
 * verification endpoint recognises it and rejects forgeries; the store keeps one file per content.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DocumentIssueIT {

    private static final String PASSWORD = "it-demo-secret";
    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private static String reference;
    private static String token;
    private static byte[] acknowledgement;
    private static String registeredSha256;

    @Deployment(testable = false)
    static EnterpriseArchive regard() {
        return RegardDeployment.withProbe();
    }

    @BeforeAll
    static void fileARequest() {
        MailServer.start();
        // A request filed on the public intake; the acknowledgement step runs asynchronously right after the hold.
        Instant end = Instant.now().minus(1, ChronoUnit.DAYS);
        Http.Reply reply = Http.postJson("/api/v1/requests", RequestApiIT.request("ACCESS",
                OffsetDateTime.ofInstant(end.minus(30, ChronoUnit.MINUTES), LegalCalendar.PARIS).toString(),
                OffsetDateTime.ofInstant(end, LegalCalendar.PARIS).toString()));
        assertThat(reply.status()).as(reply.body()).isEqualTo(201);
        reference = reply.json().getString("reference");
        token = reply.json().getString("trackingToken");
    }

    @Test
    @Order(1)
    void theAcknowledgementIsIssuedRegisteredAndDownloadableByStaff() throws Exception {
        JsonObject listed = Await.until(() -> Optional.of(staffDocuments()).filter(l -> !l.getJsonArray("documents").isEmpty()),
                Duration.ofSeconds(60), "the acknowledgement of " + reference);
        JsonObject document = listed.getJsonArray("documents").getJsonObject(0);
        assertThat(document.getString("type")).isEqualTo("ACKNOWLEDGEMENT");
        assertThat(document.getString("title")).isEqualTo("Accusé de réception de votre demande d'accès");
        assertThat(document.getString("mediaType")).isEqualTo("application/pdf");
        assertThat(document.getString("language")).isEqualTo("fr-FR");
        assertThat(document.getString("sealLevel")).isIn("B_LT", "B_LTA");
        assertThat(document.getString("signer")).contains("Ville de Lille");
        assertThat(document.getBoolean("requesterFacing")).isTrue();
        assertThat(document.getString("downloadUrl")).isEqualTo("/api/v1/documents/" + document.getJsonNumber("id"));
        registeredSha256 = document.getString("sha256");

        HttpResponse<byte[]> download = getBytes(document.getString("downloadUrl"), true);
        assertThat(download.statusCode()).isEqualTo(200);
        assertThat(download.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/pdf"));
        acknowledgement = download.body();
        assertThat(sha256(acknowledgement)).isEqualTo(registeredSha256);
        assertThat(acknowledgement.length).isEqualTo(document.getJsonNumber("size").intValue());

        // The letter register says issued, and sent only once the mail server took it (sent time, e-mail label).
        JsonObject letter = Await.until(() -> Optional.of(Http.get("/api/v1/requests/" + reference, "dpo", PASSWORD)
                        .json()).map(s -> MailOutboxIT.letter(s, "ACKNOWLEDGEMENT"))
                        .filter(l -> l.getString("delivery").equals("SENT")),
                Duration.ofSeconds(60), "the acknowledgement of " + reference + " sent by e-mail");
        assertThat(letter.getString("statusLabel")).isEqualTo("Émise");
        assertThat(letter.getString("deliveryLabel")).startsWith("Envoyée par courriel le ");
        assertThat(OffsetDateTime.parse(letter.getString("sentAt")).toInstant())
                .isAfter(OffsetDateTime.parse(letter.getString("preparedAt")).toInstant().minusSeconds(1));

        // Journal: the issue (with the hash) and the staff download, on the case.
        List<JsonObject> journal = journal(reference);
        assertThat(journal).extracting(e -> e.getString("action")).contains("DOCUMENT_ISSUED", "DOCUMENT_DOWNLOADED");
        JsonObject downloaded = journal.stream().filter(e -> e.getString("action").equals("DOCUMENT_DOWNLOADED")).findFirst().orElseThrow();
        assertThat(downloaded.getString("actor")).isEqualTo("dpo");
        JsonObject issued = Await.until(() -> journal(reference).stream()
                        .filter(e -> e.getString("action").equals("DOCUMENT_ISSUED") && e.containsKey("canonical")).findFirst(),
                Duration.ofSeconds(30), "the DOCUMENT_ISSUED entry sequenced");
        assertThat(issued.getString("canonical")).contains(registeredSha256);
    }

    @Test
    @Order(2)
    void theLetterIsWhatTheLawAsksAndPassesTheIndependentValidators() throws Exception {
        String text = text(acknowledgement);
        assertThat(text).contains(reference, "Ville de Lille", "Accusé de réception", "Rue Nationale",
                "protectiondesdonnees@mairie-lille.fr", "L252-5");

        assertThat(IndependentChecks.pdfaAndPdfUaFailures(acknowledgement)).isEmpty();
        assertThat(IndependentChecks.dss(acknowledgement, demoCa())).matches("TOTAL_PASSED PAdES_BASELINE_LTA? \\[\\]");
        if (IndependentChecks.pdfsigAvailable()) {
            // the seal is valid; at B-LTA the document timestamp after it covers the whole file (as SealValidationTest)
            assertThat(IndependentChecks.pdfsig(acknowledgement)).first().isEqualTo("Signature is Valid. partial");
            assertThat(IndependentChecks.pdfsig(acknowledgement)).last().asString().endsWith(" total");
        }
    }

    @Test
    @Order(3)
    void theRequesterSeesAndDownloadsItWithTheTrackingLinkOnly() throws Exception {
        JsonObject tracking = Http.get("/api/v1/tracking/" + token).json();
        assertThat(tracking.getString("reference")).isEqualTo(reference);
        assertThat(tracking.containsKey("letters")).isTrue();
        assertThat(tracking.containsKey("deadlines")).isTrue();
        JsonObject document = tracking.getJsonArray("documents").getJsonObject(0);
        assertThat(document.getString("type")).isEqualTo("ACKNOWLEDGEMENT");
        assertThat(document.getString("title")).isEqualTo("Accusé de réception de votre demande d'accès");
        assertThat(document.getString("mediaType")).isEqualTo("application/pdf");
        String url = document.getString("downloadUrl");
        assertThat(url).startsWith("/api/v1/tracking/" + token + "/documents/");
        assertThat(document.containsKey("signer")).isFalse();

        HttpResponse<byte[]> download = getBytes(url, false);
        assertThat(download.statusCode()).isEqualTo(200);
        assertThat(download.body()).isEqualTo(acknowledgement);
        assertThat(journal(reference)).anySatisfy(e -> {
            assertThat(e.getString("action")).isEqualTo("DOCUMENT_DOWNLOADED");
            assertThat(e.getString("actor")).isEqualTo("requester");
        });

        // Another token, or the staff URL without login, gets nothing.
        String id = url.substring(url.lastIndexOf('/') + 1);
        assertThat(getBytes("/api/v1/tracking/" + "A".repeat(token.length()) + "/documents/" + id, false).statusCode()).isEqualTo(404);
        assertThat(getBytes("/api/v1/documents/" + id, false).statusCode()).isEqualTo(401);
    }

    @Test
    @Order(4)
    void anyoneCanVerifyIt() throws Exception {
        JsonObject genuine = verify(acknowledgement, "application/pdf");
        assertThat(genuine.getBoolean("valid")).as(genuine.toString()).isTrue();
        assertThat(genuine.getBoolean("issuedByRegard")).isTrue();
        assertThat(genuine.getBoolean("intact")).isTrue();
        assertThat(genuine.getJsonObject("registry").getBoolean("known")).isTrue();
        assertThat(genuine.getJsonObject("registry").getString("type")).isEqualTo("ACKNOWLEDGEMENT");
        assertThat(genuine.getString("signer")).contains("Ville de Lille");
        assertThat(genuine.getString("level")).isIn("B_LT", "B_LTA");
        assertThat(genuine.getString("sha256")).isEqualTo(registeredSha256);
        assertThat(genuine.toString()).doesNotContain(reference, "Camille", "Durand");

        for (byte[] forged : List.of(IndependentChecks.flipByte(acknowledgement), IndependentChecks.appendPage(acknowledgement),
                IndependentChecks.editInfo(acknowledgement))) {
            JsonObject rejected = verify(forged, "application/pdf");
            assertThat(rejected.getBoolean("valid")).as(rejected.toString()).isFalse();
            assertThat(rejected.getBoolean("intact")).as(rejected.toString()).isFalse();
            assertThat(rejected.getJsonObject("registry").getBoolean("known")).isFalse();
            assertThat(rejected.getString("summary")).startsWith("Document altéré");
        }

        JsonObject foreign = verify(plainPdf(), "application/pdf");
        assertThat(foreign.getBoolean("valid")).isFalse();
        assertThat(foreign.getBoolean("issuedByRegard")).isFalse();
        assertThat(foreign.getString("issuedByRegardReason")).isEqualTo("Le document ne porte pas de cachet électronique.");

        HttpResponse<String> notPdf = post("/api/v1/documents/verify", "Bonjour".getBytes(StandardCharsets.UTF_8), "text/plain");
        assertThat(notPdf.statusCode()).isEqualTo(415);
        assertThat(notPdf.body()).contains("n'est pas un PDF").doesNotContain("Exception");
    }

    @Test
    @Order(5)
    void theOfflineVerifierJarSaysTheSame() throws Exception {
        java.nio.file.Path dir = java.nio.file.Files.createTempDirectory("regard-pdf-verifier");
        java.nio.file.Path ca = java.nio.file.Files.write(dir.resolve("ca.crt"), getBytes("/api/v1/pki/ca.crt", false).body());
        java.nio.file.Path genuine = java.nio.file.Files.write(dir.resolve("accuse.pdf"), acknowledgement);
        java.nio.file.Path forged = java.nio.file.Files.write(dir.resolve("altere.pdf"), IndependentChecks.appendPage(acknowledgement));

        String[] ok = verifierJar("pdf", "--ca", ca.toString(), genuine.toString());
        assertThat(ok[0]).as(ok[1]).isEqualTo("0");
        assertThat(ok[1]).contains("Émis par Regard : oui", "Intégrité : le document n'a pas été modifié", "Ville de Lille",
                "PAdES-BASELINE-LT", registeredSha256).endsWith("VÉRIFICATION RÉUSSIE");

        String[] ko = verifierJar("pdf", "--ca", ca.toString(), forged.toString());
        assertThat(ko[0]).as(ko[1]).isEqualTo("1");
        assertThat(ko[1]).endsWith("VÉRIFICATION ÉCHOUÉE");
    }

    /** Exit code and standard output (stripped) of {@code java -jar regard-verifier.jar args…}. */
    private static String[] verifierJar(String... args) throws Exception {
        List<String> command = new java.util.ArrayList<>(List.of("java", "-jar", System.getProperty("regard.verifier.jar")));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        assertThat(process.waitFor(120, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
        return new String[] {String.valueOf(process.exitValue()), output};
    }

    @Test
    @Order(6)
    void aSecondIdenticalBlobIsStoredOnce() {
        byte[] content = ("regard-blob-" + reference).getBytes(StandardCharsets.UTF_8);
        JsonObject first = Http.postBytes("/" + RegardDeployment.PROBE + "/registry/blobs", content);
        JsonObject second = Http.postBytes("/" + RegardDeployment.PROBE + "/registry/blobs", content);
        assertThat(first.getBoolean("written")).isTrue();
        assertThat(second.getBoolean("written")).isFalse();
        assertThat(second.getString("sha256")).isEqualTo(first.getString("sha256")).isEqualTo(sha256(content));
        JsonObject files = Http.get("/" + RegardDeployment.PROBE + "/registry/blobs/" + first.getString("sha256")).json();
        assertThat(files.getInt("copies")).isEqualTo(1);
        assertThat(files.getString("path")).contains("/documents/sha256/" + first.getString("sha256").substring(0, 2) + "/");
        // the acknowledgement's own blob is there once as well
        assertThat(Http.get("/" + RegardDeployment.PROBE + "/registry/blobs/" + registeredSha256).json().getInt("copies")).isEqualTo(1);
    }

    @Test
    @Order(7)
    void aLetterTheCaseCannotSupportIsAnIncidentNotAFakeDocument() {
        // A postal case whose addresses are gone before its first letter (the probe clears them in the intake
        // transaction): the acknowledgement cannot name a recipient. It must not be issued half-filled: registered
        // "À émettre" with the reason, journalled as LETTER_ISSUE_FAILED for the DPO, and no document.
        JsonObject filed = Http.post("/" + RegardDeployment.PROBE
                + "/cases/letter?kind=ACCESS&receivedDaysAgo=1&withoutAddress=true", "application/json", "").json();
        String byPost = filed.getString("reference");
        Await.until(() -> Optional.of(journal(byPost)).filter(j -> j.stream()
                        .anyMatch(e -> e.getString("action").equals("LETTER_ISSUE_FAILED"))),
                Duration.ofSeconds(60), "LETTER_ISSUE_FAILED of " + byPost);
        JsonObject staff = Http.get("/api/v1/requests/" + byPost, "dpo", PASSWORD).json();
        JsonObject letter = staff.getJsonArray("letters").getValuesAs(JsonObject.class).stream()
                .filter(l -> l.getString("type").equals("ACKNOWLEDGEMENT")).findFirst().orElseThrow();
        assertThat(letter.getString("statusLabel")).isEqualTo("À émettre");
        assertThat(letter.getString("statusNote")).startsWith("Émission impossible : ")
                .contains("ni adresse électronique ni adresse postale");
        assertThat(Http.get("/api/v1/requests/" + byPost + "/documents", "dpo", PASSWORD).json()
                .getJsonArray("documents")).isEmpty();
        assertThat(journal(byPost)).extracting(e -> e.getString("action")).doesNotContain("DOCUMENT_ISSUED");
    }

    @Test
    @Order(8)
    void aPostalRequestIsRegisteredByStaffAndAcknowledgedAtItsAddressInTheRequestersLanguage() throws Exception {
        String end = java.time.OffsetDateTime.now(java.time.ZoneId.of("Europe/Paris")).minusDays(2).withNano(0).toString();
        String start = java.time.OffsetDateTime.parse(end).minusMinutes(30).toString();
        String receivedAt = java.time.OffsetDateTime.now(java.time.ZoneId.of("Europe/Paris")).minusDays(1).withNano(0)
                .toString();
        String body = """
                {"kind":"ACCESS","receivedAt":"%s","registeredMailNumber":"1A 123 456 7890 1",
                 "requester":{"firstName":"Alex","lastName":"Smith","language":"en",
                              "postalAddress":["Flat 2, 14 rue Esquermoise","59000 Lille"]},
                 "facts":{"start":"%s","end":"%s","place":"Grand Place, Lille","description":"Bag snatched"}}"""
                .formatted(receivedAt, start, end);
        // Registering a letter is staff work; a bad one names every field and creates nothing.
        assertThat(Http.postJson("/api/v1/requests/letters", body).status()).isEqualTo(401);
        assertThat(Http.postJsonAs("/api/v1/requests/letters", "auditor", PASSWORD, body).status()).isEqualTo(403);
        Http.Reply bad = Http.postJsonAs("/api/v1/requests/letters", "dpo", PASSWORD, """
                {"kind":"ACCESS","requester":{"firstName":"Alex","lastName":"Smith","language":"de",
                 "postalAddress":["59000 Lille"]},"facts":{"start":"%s","end":"%s","place":"Grand Place"}}"""
                .formatted(start, end));
        assertThat(bad.status()).as(bad.body()).isEqualTo(400);
        assertThat(bad.json().getJsonArray("errors").getValuesAs(JsonObject.class))
                .extracting(v -> v.getString("field"))
                .contains("receivedAt", "requester.language", "requester.postalAddress");
        assertThat(Http.postJson("/api/v1/requests", body).status()).as("receivedAt is the post's only").isEqualTo(400);

        Http.Reply filed = Http.postJsonAs("/api/v1/requests/letters", "operator", PASSWORD, body);
        assertThat(filed.status()).as(filed.body()).isEqualTo(201);
        String byPost = filed.json().getString("reference");
        JsonObject staff = Http.get("/api/v1/requests/" + byPost, "dpo", PASSWORD).json();
        assertThat(staff.getString("channel")).isEqualTo("LETTER");
        assertThat(java.time.OffsetDateTime.parse(staff.getString("receivedAt")).toInstant())
                .as("the avis de réception is the legal receipt").isEqualTo(java.time.OffsetDateTime.parse(receivedAt)
                        .toInstant());
        assertThat(staff.getString("registeredMailNumber")).isEqualTo("1A 123 456 7890 1");
        assertThat(staff.getJsonObject("requester").getJsonArray("postalAddress").getValuesAs(JsonString.class))
                .extracting(JsonString::getString).containsExactly("Flat 2, 14 rue Esquermoise", "59000 Lille");

        JsonObject listed = Await.until(() -> Optional.of(Http.get("/api/v1/requests/" + byPost + "/documents", "dpo",
                        PASSWORD).json()).filter(l -> !l.getJsonArray("documents").isEmpty()),
                Duration.ofSeconds(60), "the acknowledgement of " + byPost);
        JsonObject document = listed.getJsonArray("documents").getJsonObject(0);
        assertThat(document.getString("type")).isEqualTo("ACKNOWLEDGEMENT");
        assertThat(document.getString("language")).isEqualTo("en");
        assertThat(document.getString("title")).isEqualTo("Acknowledgement of your access request");
        String text = text(getBytes(document.getString("downloadUrl"), true).body());
        assertThat(text).contains(byPost, "Alex Smith", "Flat 2, 14 rue Esquermoise", "59000 Lille",
                "Acknowledgement of your access request");
    }

    // --- helpers --------------------------------------------------------------------------------------------------

    private static JsonObject staffDocuments() {
        Http.Reply reply = Http.get("/api/v1/requests/" + reference + "/documents", "dpo", PASSWORD);
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        return reply.json();
    }

    private static List<JsonObject> journal(String objectId) {
        return Http.get("/" + RegardDeployment.PROBE + "/journal?object=" + objectId).json().getJsonArray("entries")
                .getValuesAs(JsonObject.class);
    }

    private static JsonObject verify(byte[] pdf, String type) throws Exception {
        HttpResponse<String> reply = post("/api/v1/documents/verify", pdf, type);
        assertThat(reply.statusCode()).as(reply.body()).isEqualTo(200);
        return Json.createReader(new StringReader(reply.body())).readObject();
    }

    private static HttpResponse<String> post(String path, byte[] body, String type) throws Exception {
        return CLIENT.send(HttpRequest.newBuilder(URI.create(Http.BASE + path)).header("Content-Type", type)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private static HttpResponse<byte[]> getBytes(String path, boolean asDpo) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(Http.BASE + path)).GET();
        if (asDpo) {
            request.header("Authorization", "Basic " + Base64.getEncoder()
                    .encodeToString(("dpo:" + PASSWORD).getBytes(StandardCharsets.UTF_8)));
        }
        return CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    private static X509Certificate demoCa() throws Exception {
        byte[] der = getBytes("/api/v1/pki/ca.crt", false).body();
        return (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(new ByteArrayInputStream(der));
    }

    private static String text(byte[] pdf) throws Exception {
        try (PDDocument document = org.apache.pdfbox.Loader.loadPDF(pdf)) {
            return new org.apache.pdfbox.text.PDFTextStripper().getText(document).replaceAll("\\s+", " ");
        }
    }

    private static byte[] plainPdf() throws Exception {
        try (PDDocument document = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            document.addPage(new PDPage());
            document.save(out);
            return out.toByteArray();
        }
    }

    private static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
