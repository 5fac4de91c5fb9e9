package fr.regard.it;

import static org.assertj.core.api.Assertions.assertThat;

import fr.regard.calendar.domain.LegalCalendar;
import jakarta.json.JsonObject;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Holds on the real server (docs/archive.md "Holds"): placed at intake on every camera of the registry, narrowed by
 * an operator, kept while the case is open, released at closure; judicial holds placed and released by the DPO;
 * holds past their limit flagged "à réexaminer" and journalled once; the purge's question answered from the table.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class FootageHoldIT {

    private static final String PASSWORD = "it-demo-secret";
    private static final Duration PATIENCE = Duration.ofSeconds(30);

    @Deployment(testable = false)
    static EnterpriseArchive regard() {
        return RegardDeployment.withProbe();
    }

    @Test
    @DisplayName("a request filed on the REST API is held at intake on all 120 cameras over its window, narrowed by an "
            + "operator, kept while open (release refused), released at closure — every change journalled")
    void caseHoldFromIntakeToClosure() {
        // A day and hour no other suite files facts on: "is it held?" is asked of every hold of the server.
        Instant end = Instant.now().minus(7, ChronoUnit.DAYS).minus(197, ChronoUnit.MINUTES)
                .truncatedTo(ChronoUnit.SECONDS);
        Instant start = end.minus(30, ChronoUnit.MINUTES);
        Http.Reply filed = Http.postJson("/api/v1/requests", RequestApiIT.request("ACCESS", paris(start), paris(end)));
        assertThat(filed.status()).as(filed.body()).isEqualTo(201);
        String ref = filed.json().getString("reference");

        // Held in the intake transaction, before any human step, over the facts' window, on every camera.
        JsonObject hold = single(caseHolds(ref, "dpo"));
        assertThat(hold.getString("kind")).isEqualTo("CASE");
        assertThat(hold.getString("case")).isEqualTo(ref);
        assertThat(hold.getBoolean("active")).isTrue();
        assertThat(hold.getBoolean("flagged")).isFalse();
        assertThat(hold.getInt("cameraCount")).isEqualTo(120);
        assertThat(hold.getJsonArray("cameras").getString(0)).isEqualTo("HEL-001");
        assertThat(instant(hold, "windowStart")).isEqualTo(start);
        assertThat(instant(hold, "windowEnd")).isEqualTo(end);
        assertThat(hold.getString("placedBy")).isEqualTo("system");
        assertThat(hold.getString("reason")).contains("charte art. 3.2");
        // the longest answer (1 + 2 months) and the delivery (30 days): more than three months from now
        assertThat(instant(hold, "limitAt")).isAfter(Instant.now().plus(120, ChronoUnit.DAYS))
                .isBefore(Instant.now().plus(130, ChronoUnit.DAYS));
        long id = hold.getJsonNumber("id").longValue();
        JsonObject placed = staffView(ref).getJsonArray("archiveActions").getValuesAs(JsonObject.class).stream()
                .filter(a -> a.getString("type").equals("PLACE_HOLD")).findFirst().orElseThrow();
        assertThat(placed.getString("statusLabel")).isEqualTo("Effectuée");
        assertThat(placed.getString("note")).startsWith("Gel posé sur 120 caméras (toutes les caméras du registre")
                .contains("heure de Paris");
        assertThat(journal(ref)).filteredOn(e -> e.getString("action").equals("FOOTAGE_HOLD_PLACED")).singleElement()
                .satisfies(e -> assertThat(e.getString("purpose")).contains("charte art. 3.2"));

        // Listed through the API, by case, camera and state, for every staff role.
        assertThat(ids(list("?case=" + ref + "&active=true", "auditor"))).containsExactly(id);
        assertThat(ids(list("?camera=LIL-077&active=true", "operator"))).contains(id);
        assertThat(ids(list("?case=" + ref + "&active=false", "admin"))).isEmpty();
        assertProblem(Http.get("/api/v1/holds?active=oui", "dpo", PASSWORD), 400);
        assertThat(Http.get("/api/v1/holds").status()).isEqualTo(401);
        assertThat(held("LIL-077", start.plusSeconds(60), start.plusSeconds(120))).isTrue();

        // The operator matches the place to two cameras: the others are released, journalled with the purpose.
        String narrow = "/api/v1/requests/" + ref + "/holds/cameras";
        assertProblem(Http.putJsonAs(narrow, "operator", PASSWORD, "{\"cameras\":[\"LIL-001\",\"XXX-999\"]}"), 400,
                "cameras", "purpose");
        assertThat(Http.putJsonAs(narrow, "auditor", PASSWORD,
                "{\"cameras\":[\"LIL-001\"],\"purpose\":\"x\"}").status()).isEqualTo(403);
        assertThat(single(caseHolds(ref, "dpo")).getInt("cameraCount")).as("nothing changed").isEqualTo(120);
        Http.Reply narrowed = Http.putJsonAs(narrow, "operator", PASSWORD, """
                {"cameras":["LIL-002","LIL-001"],
                 "purpose":"Rue Nationale n° 54 : seules LIL-001 et LIL-002 filment le trottoir"}""");
        assertThat(narrowed.status()).as(narrowed.body()).isEqualTo(200);
        JsonObject afterNarrowing = single(narrowed.json());
        assertThat(afterNarrowing.getJsonNumber("id").longValue()).isEqualTo(id);
        assertThat(afterNarrowing.getJsonArray("cameras").getValuesAs(jakarta.json.JsonString.class))
                .extracting(jakarta.json.JsonString::getString).containsExactly("LIL-001", "LIL-002");
        assertThat(held("LIL-001", start, end)).isTrue();
        // (other suites' open cases hold every camera too, so "not held" is read from this case's hold)
        assertThat(ids(list("?camera=LIL-077&active=true", "operator"))).as("released by the narrowing")
                .doesNotContain(id);
        assertThat(ids(list("?camera=LIL-002&active=true", "operator"))).contains(id);
        assertThat(journal(ref)).filteredOn(e -> e.getString("action").equals("FOOTAGE_HOLD_CAMERAS_CHANGED"))
                .singleElement().satisfies(e -> {
                    assertThat(e.getString("actor")).isEqualTo("operator");
                    assertThat(e.getString("role")).isEqualTo("operator");
                    assertThat(e.getString("purpose")).contains("filment le trottoir");
                });

        // While the case is open, its hold cannot be released: the footage is kept until the answer.
        String release = "/api/v1/holds/" + id + "/release";
        assertProblem(Http.postJsonAs(release, "dpo", PASSWORD, "{}"), 400, "reason");
        assertThat(Http.postJsonAs(release, "operator", PASSWORD, "{\"reason\":\"x\"}").status()).isEqualTo(403);
        Http.Reply refused = Http.postJsonAs(release, "dpo", PASSWORD, "{\"reason\":\"Plus utile\"}");
        assertProblem(refused, 409);
        assertThat(refused.json().getString("detail")).contains("ne peut pas être levé tant que le dossier est en cours",
                "À qualifier", "clôture ou au retrait");
        assertThat(held("LIL-001", start, end)).isTrue();

        // Closure (no footage found, "aucune donnée") releases the case's hold.
        assertThat(complete("dpo", awaitTask("dpo", ref, "Task_QualifyRequest"),
                "{\"identityDoubt\":false,\"precise\":true,\"regime\":\"GDPR_ART15\"}").status()).isEqualTo(204);
        assertThat(complete("operator", awaitTask("operator", ref, "Task_SearchFootage"),
                "{\"outcome\":\"NOT_FOUND\"}").status()).isEqualTo(204);
        assertThat(complete("dpo", awaitTask("dpo", ref, "Task_Decide"), "{\"decision\":\"NO_DATA\"}").status())
                .isEqualTo(204);
        await(() -> Optional.of(staffView(ref)).filter(v -> v.getString("status").equals("CLOSED")), "closure");
        JsonObject released = single(caseHolds(ref, "auditor"));
        assertThat(released.getBoolean("active")).isFalse();
        assertThat(released.getString("releasedBy")).isEqualTo("system");
        assertThat(released.getString("releaseReason")).contains("dossier clôturé ou retiré");
        assertThat(released.getJsonArray("cameras")).hasSize(2);
        assertThat(ids(list("?camera=LIL-001&active=true", "dpo"))).doesNotContain(id);
        assertThat(ids(list("?camera=LIL-001&active=false", "dpo"))).contains(id);
        assertThat(staffView(ref).getJsonArray("archiveActions").getValuesAs(JsonObject.class).stream()
                .filter(a -> a.getString("type").equals("RELEASE_HOLDS")).findFirst().orElseThrow()
                .getString("note")).isEqualTo("Gel levé sur 2 caméras.");
        assertThat(journal(ref)).extracting(e -> e.getString("action"))
                .containsSubsequence("FOOTAGE_HOLD_PLACED", "FOOTAGE_HOLD_CAMERAS_CHANGED", "FOOTAGE_HOLD_RELEASED");
        assertProblem(Http.postJsonAs(release, "dpo", PASSWORD, "{\"reason\":\"Encore\"}"), 409);
        assertThat(Http.get("/api/v1/requests/DA-2026-999999/holds", "dpo", PASSWORD).status()).isEqualTo(404);
    }

    @Test
    @DisplayName("a judicial hold: placed by the DPO on a requisition with its reference, reviewed after six months, "
            + "released with a reason; bad input names each field and holds nothing")
    void judicialHold() {
        Instant start = Instant.now().minus(4, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);
        Instant end = start.plus(2, ChronoUnit.HOURS);
        assertProblem(Http.postJsonAs("/api/v1/holds", "dpo", PASSWORD, """
                {"cameras":["HEL-002","ZZZ-001"],"start":"%s","end":"%s"}""".formatted(paris(end), paris(start))),
                400, "requisition", "end", "reason", "cameras");
        assertThat(Http.postJsonAs("/api/v1/holds", "operator", PASSWORD, judicial(start, end)).status())
                .isEqualTo(403);
        assertThat(held("HEL-002", start, end)).isFalse();

        Http.Reply placed = Http.postJsonAs("/api/v1/holds", "dpo", PASSWORD, judicial(start, end));
        assertThat(placed.status()).as(placed.body()).isEqualTo(201);
        JsonObject hold = placed.json();
        long id = hold.getJsonNumber("id").longValue();
        assertThat(placed.location()).endsWith("/api/v1/holds/" + id);
        assertThat(hold.getString("kind")).isEqualTo("JUDICIAL");
        assertThat(hold.getString("kindLabel")).isEqualTo("Gel sur réquisition judiciaire");
        assertThat(hold.getString("requisition")).isEqualTo("PV 2026/004512");
        assertThat(hold.getString("placedBy")).isEqualTo("dpo");
        assertThat(hold.getJsonArray("cameras")).hasSize(2);
        assertThat(OffsetDateTime.parse(hold.getString("limitAt")).toLocalDate())
                .isEqualTo(OffsetDateTime.parse(hold.getString("placedAt")).atZoneSameInstant(LegalCalendar.PARIS)
                        .plusMonths(6).toLocalDate());
        assertThat(held("HEL-002", start, end)).isTrue();
        assertThat(held("HEL-003", end.minusSeconds(1), end.plusSeconds(59))).isTrue();
        assertThat(held("HEL-003", end, end.plusSeconds(60))).as("touching the end is outside").isFalse();
        assertThat(held("HEL-003", start.minusSeconds(60), start)).as("touching the start is outside").isFalse();
        assertThat(ids(list("?active=true", "auditor"))).contains(id);

        Http.Reply released = Http.postJsonAs("/api/v1/holds/" + id + "/release", "admin", PASSWORD,
                "{\"reason\":\"Mainlevée du parquet de Lille du 25/11/2026\"}");
        assertThat(released.status()).as(released.body()).isEqualTo(200);
        assertThat(released.json().getBoolean("active")).isFalse();
        assertThat(released.json().getString("releasedBy")).isEqualTo("admin");
        assertThat(released.json().getString("releaseReason")).isEqualTo("Mainlevée du parquet de Lille du 25/11/2026");
        assertThat(held("HEL-002", start, end)).isFalse();
        List<JsonObject> events = journal(String.valueOf(id)).stream()
                .filter(e -> e.getString("action").startsWith("FOOTAGE_HOLD")).toList();
        assertThat(events).extracting(e -> e.getString("action"))
                .containsExactly("FOOTAGE_HOLD_PLACED", "FOOTAGE_HOLD_RELEASED");
        assertThat(events).extracting(e -> e.getString("actor")).containsExactly("dpo", "admin");
        assertThat(events).extracting(e -> e.getString("purpose"))
                .containsExactly("Enquête préliminaire pour vol à l'arraché", "Mainlevée du parquet de Lille du 25/11/2026");
    }

    @Test
    @DisplayName("a hold past its limit is listed 'à réexaminer' for the DPO; the daily check journals it once")
    void flaggedHolds() {
        Instant start = Instant.now().minus(5, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);
        Http.Reply placed = Http.postJsonAs("/api/v1/holds", "dpo", PASSWORD, judicial(start, start.plusSeconds(600)));
        assertThat(placed.status()).as(placed.body()).isEqualTo(201);
        long id = placed.json().getJsonNumber("id").longValue();
        assertThat(ids(list("?flagged=true", "dpo"))).doesNotContain(id);
        assertThat(ids(list("?flagged=false", "dpo"))).contains(id);

        // As if the six months had gone by.
        assertThat(Http.postJson("/" + RegardDeployment.PROBE + "/holds/" + id + "/limit-passed", "").json()
                .getInt("rows")).isEqualTo(2);
        JsonObject flagged = list("?flagged=true", "dpo").getJsonArray("holds").getValuesAs(JsonObject.class).stream()
                .filter(h -> h.getJsonNumber("id").longValue() == id).findFirst().orElseThrow();
        assertThat(flagged.getBoolean("flagged")).isTrue();
        assertThat(flagged.getString("flagNote")).startsWith("À réexaminer : réquisition PV 2026/004512");
        assertThat(ids(list("?flagged=false", "dpo"))).doesNotContain(id);

        assertThat(Http.postJson("/" + RegardDeployment.PROBE + "/holds/check", "").json().getInt("flagged"))
                .isGreaterThanOrEqualTo(1);
        Http.postJson("/" + RegardDeployment.PROBE + "/holds/check", "");
        assertThat(journal(String.valueOf(id))).filteredOn(e -> e.getString("action").equals("FOOTAGE_HOLD_FLAGGED"))
                .as("journalled once, not at every check").hasSize(1);
        Http.Reply one = Http.get("/api/v1/holds/" + id, "auditor", PASSWORD);
        assertThat(one.status()).as(one.body()).isEqualTo(200);
        assertThat(one.json().containsKey("flaggedAt")).isTrue();
        assertProblem(Http.get("/api/v1/holds?flagged=peut-etre", "dpo", PASSWORD), 400, "flagged");

        // Reviewed: the requisition is over, the DPO releases it; it is no longer to review.
        assertThat(Http.postJsonAs("/api/v1/holds/" + id + "/release", "dpo", PASSWORD,
                "{\"reason\":\"Réquisition close, vérifié auprès du commissariat\"}").status()).isEqualTo(200);
        assertThat(ids(list("?flagged=true", "dpo"))).doesNotContain(id);
    }

    // --- helpers --------------------------------------------------------------------------------------------------

    private static String judicial(Instant start, Instant end) {
        return """
                {"requisition":"PV 2026/004512","cameras":["HEL-002","HEL-003"],"start":"%s","end":"%s",
                 "reason":"Enquête préliminaire pour vol à l'arraché"}""".formatted(paris(start), paris(end));
    }

    private static String paris(Instant instant) {
        return OffsetDateTime.ofInstant(instant, LegalCalendar.PARIS).toString();
    }

    private static Instant instant(JsonObject json, String name) {
        return OffsetDateTime.parse(json.getString(name)).toInstant();
    }

    private static JsonObject caseHolds(String reference, String user) {
        Http.Reply reply = Http.get("/api/v1/requests/" + reference + "/holds", user, PASSWORD);
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        return reply.json();
    }

    private static JsonObject list(String query, String user) {
        Http.Reply reply = Http.get("/api/v1/holds" + query, user, PASSWORD);
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        return reply.json();
    }

    private static JsonObject single(JsonObject list) {
        assertThat(list.getInt("count")).as(list.toString()).isEqualTo(1);
        return list.getJsonArray("holds").getJsonObject(0);
    }

    private static List<Long> ids(JsonObject list) {
        return list.getJsonArray("holds").getValuesAs(JsonObject.class).stream()
                .map(h -> h.getJsonNumber("id").longValue()).toList();
    }

    private static boolean held(String camera, Instant start, Instant end) {
        return Http.get("/" + RegardDeployment.PROBE + "/holds/held?camera=" + camera + "&start=" + encode(start)
                + "&end=" + encode(end)).json().getBoolean("held");
    }

    private static String encode(Instant instant) {
        return URLEncoder.encode(paris(instant), StandardCharsets.UTF_8);
    }

    private static JsonObject staffView(String reference) {
        Http.Reply reply = Http.get("/api/v1/requests/" + reference, "dpo", PASSWORD);
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        return reply.json();
    }

    private static List<JsonObject> journal(String objectId) {
        return Http.get("/" + RegardDeployment.PROBE + "/journal?object=" + URLEncoder.encode(objectId,
                StandardCharsets.UTF_8)).json().getJsonArray("entries").getValuesAs(JsonObject.class);
    }

    private static Optional<JsonObject> findTask(String user, String reference, String taskKey) {
        Http.Reply reply = Http.get("/api/v1/tasks", user, PASSWORD);
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        return reply.json().getJsonArray("tasks").getValuesAs(JsonObject.class).stream()
                .filter(t -> t.getString("reference").equals(reference) && t.getString("taskKey").equals(taskKey))
                .findFirst();
    }

    private static JsonObject awaitTask(String user, String reference, String taskKey) {
        return await(() -> findTask(user, reference, taskKey), taskKey + " of " + reference);
    }

    private static Http.Reply complete(String user, JsonObject task, String json) {
        return Http.postJsonAs("/api/v1/tasks/" + task.getString("id") + "/complete", user, PASSWORD, json);
    }

    private static <T> T await(Supplier<Optional<T>> probe, String what) {
        return Await.until(probe, PATIENCE, what);
    }

    private static void assertProblem(Http.Reply reply, int status, String... fields) {
        assertThat(reply.status()).as(reply.body()).isEqualTo(status);
        assertThat(reply.contentType()).startsWith("application/problem+json");
        assertThat(reply.body()).doesNotContain("Exception", "at fr.regard");
        if (fields.length > 0) {
            assertThat(reply.json().getJsonArray("errors").getValuesAs(JsonObject.class))
                    .extracting(e -> e.getString("field")).containsExactlyInAnyOrder(fields);
        }
    }
}
