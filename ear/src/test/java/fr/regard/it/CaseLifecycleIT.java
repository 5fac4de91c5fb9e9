package fr.regard.it;

import static org.assertj.core.api.Assertions.assertThat;

import fr.regard.calendar.domain.LegalCalendar;
import jakarta.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Cases driven from REST intake to closure on the real server, through the task API, the tracking link and the
 * engine's own timers and jobs (docs/legal-mapping.md points here). Letters are issued as sealed documents where
 * Regard produces them (the acknowledgement: "Émise", DocumentIssueIT) and registered "À émettre" otherwise; each
 * issued letter is e-mailed to the requester through the outbox (MailOutboxIT) and reads "Envoyée par courriel le …"
 * only once the mail server took it, exactly once. Extracts read "À effectuer". Holds are real (FootageHoldIT):
 * their placement and release read "Effectuée".
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class CaseLifecycleIT {

    private static final String PASSWORD = "it-demo-secret";
    private static final Duration PATIENCE = Duration.ofSeconds(30);

    @Deployment(testable = false)
    static EnterpriseArchive regard() {
        return RegardDeployment.withProbe();
    }

    record Filed(String reference, String token) {
    }

    // --- scenarios ------------------------------------------------------------------------------------------------

    @Test
    @DisplayName("access granted as a masked copy: intake, hold at once, qualification, search, extraction, decision, "
            + "delivery, expiry, closure — every letter issued as a sealed document and e-mailed exactly once")
    void copyFromIntakeToClosure() throws Exception {
        MailServer.start();
        Filed filed = file("ACCESS", Instant.now().minus(2, ChronoUnit.DAYS));
        String ref = filed.reference();

        // The hold is placed in the intake transaction, before any human step: done, on every camera of the registry.
        JsonObject atIntake = staffView(ref);
        assertThat(actions(atIntake, "PLACE_HOLD")).singleElement()
                .satisfies(a -> assertThat(a.getString("statusLabel")).isEqualTo("Effectuée"))
                .satisfies(a -> assertThat(a.getString("note")).startsWith("Gel posé sur 120 caméras"));
        assertThat(journalActions(ref)).contains("CASE_RECEIVED", "FOOTAGE_HOLD_PLACED");
        JsonObject acknowledged = awaitTracking(filed.token(), t -> hasLetter(t, "ACKNOWLEDGEMENT"));
        assertThat(letter(acknowledged, "ACKNOWLEDGEMENT").getString("statusLabel")).isEqualTo("Émise");
        assertThat(letter(acknowledged, "ACKNOWLEDGEMENT").getString("delivery")).isIn("QUEUED", "SENT");
        JsonObject mailed = awaitTracking(filed.token(), t -> hasLetter(t, "ACKNOWLEDGEMENT")
                && letter(t, "ACKNOWLEDGEMENT").getString("delivery").equals("SENT"));
        assertThat(letter(mailed, "ACKNOWLEDGEMENT").getString("deliveryLabel"))
                .matches("Envoyée par courriel le \\d{1,2} \\p{L}+ \\d{4} à \\d{2}:\\d{2}");
        assertThat(letter(mailed, "ACKNOWLEDGEMENT").containsKey("sentAt")).isTrue();
        assertThat(acknowledged.getString("statusLabel")).isEqualTo("À qualifier");

        // Qualification is a DPO task, due on the answer date; operators neither see nor complete it.
        JsonObject qualify = awaitTask("dpo", ref, "Task_QualifyRequest");
        assertThat(qualify.getString("due")).isEqualTo(atIntake.getJsonObject("deadlines").getString("responseDue"));
        assertThat(findTask("operator", ref, "Task_QualifyRequest")).isEmpty();
        assertThat(complete("operator", qualify, "{}").status()).isEqualTo(403);

        // A bad payload names each field and changes nothing.
        Http.Reply bad = complete("dpo", qualify, "{\"regime\":\"CNIL\",\"precise\":\"oui\"}");
        assertProblem(bad, 400, "identityDoubt", "precise", "regime");
        assertThat(staffView(ref).getString("status")).isEqualTo("AWAITING_QUALIFICATION");
        assertThat(findTask("dpo", ref, "Task_QualifyRequest")).isPresent();

        assertThat(complete("dpo", qualify,
                "{\"identityDoubt\":false,\"precise\":true,\"regime\":\"GDPR_ART15\"}").status()).isEqualTo(204);
        assertThat(staffView(ref).getString("statusLabel")).isEqualTo("Recherche des images");

        JsonObject search = awaitTask("operator", ref, "Task_SearchFootage");
        assertThat(findTask("dpo", ref, "Task_SearchFootage")).as("operator task hidden from the DPO").isEmpty();
        assertThat(complete("dpo", search, "{\"outcome\":\"FOUND\"}").status()).isEqualTo(403);
        assertProblem(complete("operator", search, "{\"outcome\":\"FOUND\"}"), 400, "cameras");
        assertThat(complete("operator", search, "{\"outcome\":\"FOUND\",\"cameras\":[\"CAM-042\",\"CAM-043\"]}")
                .status()).isEqualTo(204);
        assertThat(staffView(ref).getString("statusLabel")).isEqualTo("Extraction en cours");

        JsonObject extract = awaitTask("operator", ref, "Task_ExtractAndMask");
        assertProblem(complete("operator", extract, """
                {"cameras":["CAM-042"],"start":"2026-11-20T15:00:00+01:00","end":"2026-11-20T14:00:00+01:00",
                 "masking":"SOMETIMES"}"""), 400, "end", "masking");
        assertThat(complete("operator", extract, """
                {"cameras":["CAM-042"],"start":"2026-11-20T14:00:00+01:00","end":"2026-11-20T14:20:00+01:00",
                 "masking":"APPLIED","note":"Deux passants floutés"}""").status()).isEqualTo(204);
        assertThat(awaitStaff(ref, v -> !actions(v, "PRODUCE_EXTRACT").isEmpty()).getString("statusLabel"))
                .isEqualTo("Décision à prendre");

        JsonObject decide = awaitTask("dpo", ref, "Task_Decide");
        assertProblem(complete("dpo", decide, "{\"decision\":\"GRANT_COPY\",\"grounds\":[\"PUBLIC_SECURITY\"]}"),
                400, "grounds");
        assertThat(complete("dpo", decide, "{\"decision\":\"GRANT_COPY\"}").status()).isEqualTo(204);

        JsonObject available = awaitStaff(ref, v -> v.getString("status").equals("MADE_AVAILABLE"));
        assertThat(available.getString("statusLabel")).isEqualTo("Mise à disposition");
        assertThat(available.getJsonObject("deadlines").containsKey("deliveryExpiresAt")).isTrue();
        assertThat(letter(available, "RESPONSE_COPY").getString("statusLabel")).isEqualTo("Émise");
        assertThat(documentTypes(tracking(filed.token()))).contains("ACKNOWLEDGEMENT", "RESPONSE_COPY");

        // 30 days later the link expires: the probe fires that timer now.
        fire(ref, "Timer_DeliveryExpiry");
        JsonObject closed = awaitStaff(ref, v -> v.getString("status").equals("CLOSED"));
        assertThat(closed.getString("statusLabel")).isEqualTo("Clôturée");
        assertThat(actions(closed, "DESTROY_EXTRACT")).isNotEmpty();
        assertThat(actions(closed, "RELEASE_HOLDS")).singleElement()
                .satisfies(a -> assertThat(a.getString("statusLabel")).isEqualTo("Effectuée"))
                .satisfies(a -> assertThat(a.getString("note")).isEqualTo("Gel levé sur 120 caméras."));
        OffsetDateTime purge = OffsetDateTime.parse(closed.getJsonObject("deadlines").getString("personalDataPurgeAt"));
        assertThat(purge).isAfter(OffsetDateTime.now().plusMonths(11));
        assertThat(journalActions(ref)).contains("CASE_QUALIFIED", "FOOTAGE_SEARCHED", "EXTRACTION_RECORDED",
                "DECISION_TAKEN", "DELIVERY_PUBLISHED", "CASE_CLOSED", "LETTER_TO_ISSUE", "TASK_CLAIMED");
        assertThat(process(ref).getJsonObject("timers").keySet()).containsExactly("Timer_PersonalDataRetention");

        // Every letter is issued as a sealed document and e-mailed, each exactly once (one mail per letter, one
        // Message-ID each). A closed case cannot be withdrawn.
        JsonObject tracking = awaitTracking(filed.token(), t -> t.getJsonArray("letters").getValuesAs(JsonObject.class)
                .stream().allMatch(l -> l.getString("delivery").equals("SENT")));
        assertThat(tracking.getString("statusLabel")).isEqualTo("Clôturée");
        List<JsonObject> letters = tracking.getJsonArray("letters").getValuesAs(JsonObject.class);
        assertThat(letters).extracting(l -> l.getString("type")).contains("ACKNOWLEDGEMENT", "RESPONSE_COPY");
        assertThat(letters)
                .allSatisfy(l -> assertThat(l.getString("statusLabel")).isEqualTo("Émise"))
                .allSatisfy(l -> assertThat(l.getString("deliveryLabel")).startsWith("Envoyée par courriel le "));
        List<jakarta.mail.internet.MimeMessage> mails = MailServer.receivedBy("camille.durand@example.org").stream()
                .filter(m -> ref.equals(MailOutboxIT.header(m, "X-Regard-Case"))).toList();
        assertThat(mails).hasSize(letters.size());
        assertThat(mails.stream().map(MailOutboxIT::messageId).distinct()).hasSize(letters.size());
        assertThat(mails.stream().map(m -> MailOutboxIT.header(m, "X-Regard-Letter")))
                .containsExactlyInAnyOrderElementsOf(letters.stream().map(l -> l.getString("type")).toList());
        assertThat(tracking.getJsonArray("footage")).as("the link expired: nothing to download").isEmpty();
        assertProblem(Http.post("/api/v1/tracking/" + filed.token() + "/withdrawal", "application/json", ""), 409);
    }

    @Test
    @DisplayName("refusal under loi 78-17 Titre III: grounds only from the catalogue and the regime, CNIL indirect access, "
            + "extract destroyed at closure")
    void refusalWithCatalogueGrounds() {
        Filed filed = file("ACCESS", Instant.now().minus(1, ChronoUnit.DAYS));
        String ref = filed.reference();
        untilDecision(ref, "LIL_TITRE_III", "CAM-007", "\"masking\":\"IMPOSSIBLE\"");

        JsonObject decide = awaitTask("dpo", ref, "Task_Decide");
        assertProblem(complete("dpo", decide, "{\"decision\":\"GRANT_COPY\"}"), 400, "decision");
        assertProblem(complete("dpo", decide, "{\"decision\":\"REFUSAL\"}"), 400, "grounds", "note");
        assertProblem(complete("dpo", decide, "{\"decision\":\"REFUSAL\",\"grounds\":[\"MANIFESTLY_UNFOUNDED\"],"
                + "\"note\":\"x\"}"), 400, "grounds");
        assertProblem(complete("dpo", decide, "{\"decision\":\"REFUSAL\",\"grounds\":[\"NO_SUCH_GROUND\"],"
                + "\"note\":\"x\"}"), 400, "grounds");
        assertThat(staffView(ref).getString("status")).isEqualTo("AWAITING_DECISION");

        assertThat(complete("dpo", decide, """
                {"decision":"REFUSAL","grounds":["OBSTRUCT_INQUIRIES"],
                 "note":"Images remises à l'officier de police judiciaire dans le cadre d'une enquête en cours."}""")
                .status()).isEqualTo(204);
        JsonObject closed = awaitStaff(ref, v -> v.getString("status").equals("CLOSED"));
        JsonObject decision = closed.getJsonObject("decision");
        assertThat(decision.getString("decision")).isEqualTo("REFUSAL");
        JsonObject ground = decision.getJsonArray("grounds").getJsonObject(0);
        assertThat(ground.getString("code")).isEqualTo("OBSTRUCT_INQUIRIES");
        assertThat(ground.getString("legalBasis")).contains("art. 107");
        assertThat(ground.getBoolean("opensIndirectAccess")).isTrue();
        assertThat(letter(closed, "REFUSAL").getString("statusLabel")).isEqualTo("Émise");
        assertThat(actions(closed, "DESTROY_EXTRACT")).as("extract kept after a refusal destroyed at closure").isNotEmpty();
        assertThat(journalActions(ref)).contains("DECISION_TAKEN", "CASE_CLOSED");

        Http.Reply catalogue = Http.get("/api/v1/refusal-grounds", "auditor", PASSWORD);
        assertThat(catalogue.status()).isEqualTo(200);
        assertThat(catalogue.json().getJsonArray("grounds").getValuesAs(JsonObject.class))
                .extracting(g -> g.getString("code"))
                .contains("MANIFESTLY_UNFOUNDED", "MANIFESTLY_EXCESSIVE", "RIGHTS_OF_OTHERS", "OBSTRUCT_INQUIRIES",
                        "PUBLIC_SECURITY", "NATIONAL_SECURITY", "RIGHTS_OF_OTHERS_TITRE_III");
    }

    @Test
    @DisplayName("partial answer: the copy of what can be communicated and, by a separate letter, the reasoned refusal of "
            + "the rest, both issued as sealed documents; a refusal needs the DPO's own reasons")
    void partialAnswer() {
        Filed filed = file("ACCESS", Instant.now().minus(1, ChronoUnit.DAYS));
        String ref = filed.reference();
        untilDecision(ref, "GDPR_ART15", "CAM-021",
                "\"masking\":\"IMPOSSIBLE\",\"note\":\"Une partie de la scène montre des tiers non masquables\"");
        JsonObject decide = awaitTask("dpo", ref, "Task_Decide");
        assertProblem(complete("dpo", decide, "{\"decision\":\"PARTIAL\",\"grounds\":[\"RIGHTS_OF_OTHERS\"]}"),
                400, "note");
        assertThat(complete("dpo", decide, """
                {"decision":"PARTIAL","grounds":["RIGHTS_OF_OTHERS"],
                 "note":"Les images de 10 h 05 à 10 h 10 montrent des tiers identifiables qui ne peuvent être masqués."}""")
                .status()).isEqualTo(204);
        JsonObject available = awaitStaff(ref, v -> v.getString("status").equals("MADE_AVAILABLE")
                && hasLetter(v, "PARTIAL_RESPONSE"));
        assertThat(letter(available, "RESPONSE_COPY").getString("statusLabel")).isEqualTo("Émise");
        assertThat(letter(available, "PARTIAL_RESPONSE").getString("statusLabel")).isEqualTo("Émise");
        assertThat(documentTypes(tracking(filed.token()))).contains("ACKNOWLEDGEMENT", "RESPONSE_COPY", "REFUSAL");
    }

    @Test
    @DisplayName("a request read from an e-mail opens on provisional facts (the whole retention held): the DPO states the "
            + "facts before qualifying; the charter window follows them, the answer date does not move")
    void emailFactsConfirmedByTheDpo() {
        JsonObject filed = Http.post("/" + RegardDeployment.PROBE + "/cases/email", "application/json", "").json();
        String ref = filed.getString("reference");
        JsonObject opened = staffView(ref);
        assertThat(opened.getString("channel")).isEqualTo("EMAIL");
        assertThat(opened.getJsonObject("facts").getBoolean("confirmed")).isFalse();
        assertThat(opened.getString("charterWindowLabel")).isEqualTo("À déterminer (faits à préciser)");
        assertThat(Duration.between(OffsetDateTime.parse(opened.getJsonObject("facts").getString("start")),
                OffsetDateTime.parse(opened.getJsonObject("facts").getString("end"))).toDays())
                .as("everything the retention keeps is held").isEqualTo(14);
        String responseDue = opened.getJsonObject("deadlines").getString("responseDue");

        JsonObject qualify = awaitTask("dpo", ref, "Task_QualifyRequest");
        assertProblem(complete("dpo", qualify, "{\"identityDoubt\":false,\"precise\":true,\"regime\":\"GDPR_ART15\"}"),
                400, "facts");
        String facts = "/api/v1/requests/" + ref + "/facts";
        assertThat(Http.putJsonAs(facts, "operator", PASSWORD, "{}").status()).isEqualTo(403);
        assertProblem(Http.putJsonAs(facts, "dpo", PASSWORD, """
                {"start":"2026-11-20T15:00:00+01:00","end":"2026-11-20T14:00:00+01:00"}"""), 400, "end", "place");
        String end = OffsetDateTime.now(LegalCalendar.PARIS).minusDays(10).withNano(0).toString();
        String start = OffsetDateTime.parse(end).minusMinutes(30).toString();
        Http.Reply confirmed = Http.putJsonAs(facts, "dpo", PASSWORD, """
                {"start":"%s","end":"%s","place":"Rue Nationale, devant le n° 12"}""".formatted(start, end));
        assertThat(confirmed.status()).as(confirmed.body()).isEqualTo(200);
        assertThat(confirmed.json().getJsonObject("facts").getBoolean("confirmed")).isTrue();
        assertThat(confirmed.json().getString("charterWindowLabel")).as("facts 10 days before receipt")
                .isEqualTo("Hors délai charte");
        assertThat(confirmed.json().getJsonObject("deadlines").getString("responseDue")).isEqualTo(responseDue);
        assertThat(journalActions(ref)).contains("FACTS_CONFIRMED");
        // The provisional hold (whole retention, every camera) is replaced by the hold of the confirmed window.
        List<JsonObject> holds = Http.get("/api/v1/requests/" + ref + "/holds", "dpo", PASSWORD).json()
                .getJsonArray("holds").getValuesAs(JsonObject.class);
        assertThat(holds.stream().filter(h -> h.getBoolean("active")).toList()).singleElement().satisfies(h -> {
            assertThat(OffsetDateTime.parse(h.getString("windowStart")).toInstant())
                    .isEqualTo(OffsetDateTime.parse(start).toInstant());
            assertThat(OffsetDateTime.parse(h.getString("windowEnd")).toInstant())
                    .isEqualTo(OffsetDateTime.parse(end).toInstant());
        });
        assertThat(holds.stream().filter(h -> !h.getBoolean("active")).toList()).singleElement()
                .satisfies(h -> assertThat(h.getString("releaseReason")).startsWith("Faits précisés par le DPO"));
        assertThat(complete("dpo", qualify, "{\"identityDoubt\":false,\"precise\":true,\"regime\":\"GDPR_ART15\"}")
                .status()).isEqualTo(204);
        assertThat(Http.putJsonAs(facts, "dpo", PASSWORD, """
                {"start":"%s","end":"%s","place":"Rue Nationale"}""".formatted(start, end)).status())
                .as("after the qualification the facts are the case's").isEqualTo(409);
    }

    @Test
    @DisplayName("on-site viewing: an appointment in the future at the CSU, then the viewing held, the extract destroyed "
            + "and the case closed")
    void onSiteViewing() {
        Filed filed = file("ACCESS", Instant.now().minus(2, ChronoUnit.DAYS));
        String ref = filed.reference();
        assertThat(complete("dpo", awaitTask("dpo", ref, "Task_QualifyRequest"),
                "{\"identityDoubt\":false,\"precise\":true,\"regime\":\"GDPR_ART15\"}").status()).isEqualTo(204);
        assertThat(complete("operator", awaitTask("operator", ref, "Task_SearchFootage"),
                "{\"outcome\":\"FOUND\",\"cameras\":[\"CAM-011\"]}").status()).isEqualTo(204);
        assertThat(complete("operator", awaitTask("operator", ref, "Task_ExtractAndMask"), """
                {"cameras":["CAM-011"],"start":"2026-11-20T14:00:00+01:00","end":"2026-11-20T14:05:00+01:00",
                 "masking":"NOT_NEEDED"}""").status()).isEqualTo(204);
        JsonObject decide = awaitTask("dpo", ref, "Task_Decide");
        assertProblem(complete("dpo", decide, "{\"decision\":\"GRANT_VIEWING\"}"), 400, "viewing.at");
        assertProblem(complete("dpo", decide, "{\"decision\":\"GRANT_VIEWING\",\"viewing\":{\"at\":\"demain\"}}"),
                400, "viewing.at");
        String appointment = OffsetDateTime.now(LegalCalendar.PARIS).plusDays(7).withHour(10).withMinute(0).withSecond(0)
                .withNano(0).toString();
        assertThat(complete("dpo", decide, "{\"decision\":\"GRANT_VIEWING\",\"viewing\":{\"at\":\"" + appointment
                + "\"}}").status()).isEqualTo(204);
        JsonObject scheduled = awaitStaff(ref, v -> hasLetter(v, "VIEWING_INVITATION"));
        assertThat(letter(scheduled, "VIEWING_INVITATION").getString("statusLabel")).isEqualTo("Émise");
        assertThat(documentTypes(tracking(filed.token()))).contains("VIEWING_INVITATION");
        assertThat(scheduled.getString("statusLabel")).isEqualTo("Visionnage sur place prévu");
        assertThat(scheduled.getJsonObject("decision").getJsonObject("viewing").getString("place"))
                .contains("Centre de supervision urbain");

        JsonObject hold = awaitTask("dpo", ref, "Task_HoldViewing");
        assertThat(hold.containsKey("due")).as("no deadline on the viewing itself").isFalse();
        assertProblem(complete("dpo", hold, "{\"outcome\":\"MAYBE\"}"), 400, "outcome");
        assertThat(complete("dpo", hold, "{\"outcome\":\"HELD\"}").status()).isEqualTo(204);
        JsonObject closed = awaitStaff(ref, v -> v.getString("status").equals("CLOSED"));
        assertThat(closed.getJsonObject("decision").getString("viewingOutcome")).isEqualTo("HELD");
        assertThat(actions(closed, "DESTROY_EXTRACT")).isNotEmpty();
        assertThat(journalActions(ref)).contains("VIEWING_RECORDED");
    }

    @Test
    @DisplayName("footage already destroyed: 'no data' answer stating the destruction date")
    void alreadyDestroyed() {
        Instant factsEnd = Instant.now().minus(20, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);
        Filed filed = file("ACCESS", factsEnd);
        String ref = filed.reference();
        assertThat(staffView(ref).getString("charterWindowLabel")).isEqualTo("Hors délai charte");
        assertThat(complete("dpo", awaitTask("dpo", ref, "Task_QualifyRequest"),
                "{\"identityDoubt\":false,\"precise\":true,\"regime\":\"GDPR_ART15\"}").status()).isEqualTo(204);
        assertProblem(complete("operator", awaitTask("operator", ref, "Task_SearchFootage"),
                "{\"outcome\":\"ALREADY_DESTROYED\",\"destroyedAt\":\"2099-01-01T00:00:00+01:00\"}"), 400, "destroyedAt");
        assertThat(complete("operator", awaitTask("operator", ref, "Task_SearchFootage"),
                "{\"outcome\":\"ALREADY_DESTROYED\"}").status()).isEqualTo(204);
        JsonObject decide = awaitTask("dpo", ref, "Task_Decide");
        assertProblem(complete("dpo", decide, "{\"decision\":\"GRANT_COPY\"}"), 400, "decision");
        assertThat(complete("dpo", decide, "{\"decision\":\"NO_DATA\"}").status()).isEqualTo(204);
        JsonObject closed = awaitStaff(ref, v -> v.getString("status").equals("CLOSED"));
        assertThat(OffsetDateTime.parse(closed.getJsonObject("search").getString("destroyedAt")).toInstant())
                .as("the retention's date").isEqualTo(new LegalCalendar().plusDaysExact(factsEnd, 14).toInstant());
        assertThat(letter(closed, "FOOTAGE_DESTROYED").getString("statusLabel")).isEqualTo("Émise");
        assertThat(documentTypes(tracking(filed.token()))).contains("FOOTAGE_DESTROYED");
        assertThat(tracking(filed.token()).getString("charterWindowLabel")).isEqualTo("Hors délai charte");
    }

    @Test
    @DisplayName("complement loop: the clock pauses, the requester answers through the tracking link, the clock resumes; "
            + "then the requester withdraws, and cannot withdraw twice")
    void complementThenWithdrawal() {
        Filed filed = file("ACCESS", Instant.now().minus(3, ChronoUnit.DAYS));
        String ref = filed.reference();
        JsonObject qualify = awaitTask("dpo", ref, "Task_QualifyRequest");

        // Taken by one DPO agent, the task cannot be completed or taken by another.
        assertThat(Http.postAs("/api/v1/tasks/" + qualify.getString("id") + "/claim", "dpo", PASSWORD).status())
                .isEqualTo(200);
        assertProblem(complete("dpo2", qualify, "{\"identityDoubt\":false,\"precise\":true,\"regime\":\"GDPR_ART15\"}"),
                409);
        assertThat(Http.postAs("/api/v1/tasks/" + qualify.getString("id") + "/claim", "dpo2", PASSWORD).status())
                .isEqualTo(409);

        assertProblem(complete("dpo", qualify, "{\"identityDoubt\":true,\"precise\":true,\"regime\":\"GDPR_ART15\"}"),
                400, "missingInformation");
        String dueBefore = staffView(ref).getJsonObject("deadlines").getString("responseDue");
        assertThat(complete("dpo", qualify, """
                {"identityDoubt":true,"precise":true,"regime":"GDPR_ART15",
                 "missingInformation":"Copie d'une pièce d'identité : le nom ne correspond pas à l'adresse électronique."}""")
                .status()).isEqualTo(204);

        JsonObject paused = awaitStaff(ref, v -> v.getJsonObject("responseClock").getBoolean("paused"));
        assertThat(paused.getString("statusLabel")).isEqualTo("En attente de complément");
        assertThat(letter(paused, "COMPLEMENT_REQUEST").getString("statusLabel")).isEqualTo("Émise");
        String complementDeadline = paused.getJsonObject("deadlines").getString("complementDeadline");
        assertThat(OffsetDateTime.parse(paused.getJsonObject("deadlines").getString("responseDue")))
                .as("while paused the answer is due after the complement deadline")
                .isAfter(OffsetDateTime.parse(complementDeadline))
                .isAfter(OffsetDateTime.parse(dueBefore));
        assertThat(process(ref).getJsonObject("variables").getString("responseDue"))
                .isEqualTo(OffsetDateTime.parse(paused.getJsonObject("deadlines").getString("responseDue"))
                        .toInstant().toString());
        JsonObject trackingPaused = tracking(filed.token());
        assertThat(trackingPaused.getBoolean("complementAwaited")).isTrue();

        assertProblem(Http.postJson("/api/v1/tracking/" + filed.token() + "/complement", "{\"content\":\"  \"}"),
                400, "content");
        Http.Reply answered = Http.postJson("/api/v1/tracking/" + filed.token() + "/complement",
                "{\"content\":\"Ci-joint ma carte d'identité, numéro se terminant par 42.\"}");
        assertThat(answered.status()).as(answered.body()).isEqualTo(200);
        assertThat(answered.json().getBoolean("awaited")).isTrue();
        assertThat(answered.json().getJsonObject("case").getString("statusLabel")).isEqualTo("À qualifier");
        JsonObject resumed = staffView(ref);
        assertThat(resumed.getJsonObject("responseClock").getBoolean("paused")).isFalse();
        assertThat(resumed.getJsonArray("complements")).hasSize(1);
        assertThat(journalActions(ref)).contains("COMPLEMENT_REQUESTED", "RESPONSE_CLOCK_PAUSED",
                "COMPLEMENT_RECEIVED", "RESPONSE_CLOCK_RESUMED");
        awaitTask("dpo", ref, "Task_QualifyRequest");

        Http.Reply withdrawn = Http.post("/api/v1/tracking/" + filed.token() + "/withdrawal", "application/json", "");
        assertThat(withdrawn.status()).as(withdrawn.body()).isEqualTo(200);
        assertThat(withdrawn.json().getString("statusLabel")).isEqualTo("Retirée");
        assertThat(findTask("dpo", ref, "Task_QualifyRequest")).as("tasks cancelled").isEmpty();
        JsonObject after = awaitTracking(filed.token(), t -> hasLetter(t, "WITHDRAWAL_ACKNOWLEDGEMENT"));
        assertThat(after.getBoolean("canWithdraw")).isFalse();
        assertThat(actions(staffView(ref), "RELEASE_HOLDS")).isNotEmpty();
        assertThat(awaitProcessEnd(ref)).isTrue();
        assertThat(journalActions(ref)).contains("CASE_WITHDRAWN", "FOOTAGE_HOLD_RELEASED");

        assertProblem(Http.post("/api/v1/tracking/" + filed.token() + "/withdrawal", "application/json", ""), 409);
        assertProblem(Http.postJson("/api/v1/tracking/" + filed.token() + "/complement", "{\"content\":\"encore\"}"), 409);

        // No process timer purges a withdrawn case: the scheduled purge does, once its retention is over.
        String purgeAt = staffView(ref).getJsonObject("closure").getString("personalDataPurgeAt");
        purgeAsOf(OffsetDateTime.parse(purgeAt).minusSeconds(1).toInstant());
        assertThat(staffView(ref).getJsonObject("requester").getString("lastName")).isEqualTo("Durand");
        purgeAsOf(OffsetDateTime.parse(purgeAt).plusSeconds(1).toInstant());
        purgeAsOf(OffsetDateTime.parse(purgeAt).plusSeconds(2).toInstant());
        JsonObject purged = staffView(ref);
        assertThat(purged.getJsonObject("requester").getString("lastName")).isEqualTo("[données purgées]");
        assertThat(purged.getJsonObject("requester").containsKey("email")).isFalse();
        assertThat(purged.getJsonObject("facts").containsKey("description")).isFalse();
        assertThat(purged.getJsonArray("complements")).isEmpty();
        assertThat(purged.getJsonObject("closure").containsKey("personalDataPurgedAt")).isTrue();
        assertThat(journalActions(ref)).containsOnlyOnce("PERSONAL_DATA_PURGED");
    }

    private static void purgeAsOf(Instant asOf) {
        Http.Reply reply = Http.post("/" + RegardDeployment.PROBE + "/cases/purge?asOf=" + asOf, "application/json", "");
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
    }

    @Test
    @DisplayName("no complement: reminder after 10 days, closure after 15 with its letter; a late complement is filed, "
            + "the case stays closed")
    void complementNeverComes() {
        Filed filed = file("ACCESS", Instant.now().minus(1, ChronoUnit.DAYS));
        String ref = filed.reference();
        assertThat(complete("dpo", awaitTask("dpo", ref, "Task_QualifyRequest"), """
                {"identityDoubt":false,"precise":false,"regime":"GDPR_ART15",
                 "missingInformation":"Précisez l'heure et l'emplacement exacts."}""").status()).isEqualTo(204);
        awaitStaff(ref, v -> v.getJsonObject("responseClock").getBoolean("paused"));
        JsonObject timers = process(ref).getJsonObject("timers");
        JsonObject deadlines = staffView(ref).getJsonObject("deadlines");
        assertThat(Instant.parse(timers.getString("Timer_ComplementReminder")))
                .isEqualTo(OffsetDateTime.parse(deadlines.getString("complementReminderAt")).toInstant());

        fire(ref, "Timer_ComplementReminder");
        assertThat(Instant.parse(process(ref).getJsonObject("timers").getString("Timer_ComplementTimeout")))
                .isEqualTo(OffsetDateTime.parse(deadlines.getString("complementDeadline")).toInstant());
        fire(ref, "Timer_ComplementTimeout");
        JsonObject closed = staffView(ref);
        assertThat(closed.getString("statusLabel")).isEqualTo("Clôturée");
        assertThat(closed.getJsonObject("closure").getString("reason")).isEqualTo("MISSING_COMPLEMENT");
        assertThat(closed.getJsonObject("responseClock").getBoolean("paused")).isFalse();
        assertThat(letter(closed, "COMPLEMENT_REMINDER").getString("statusLabel")).isEqualTo("Émise");
        assertThat(letter(closed, "CLOSURE_MISSING_COMPLEMENT").getString("statusLabel")).isEqualTo("Émise");
        assertThat(actions(closed, "RELEASE_HOLDS")).singleElement()
                .satisfies(a -> assertThat(a.getString("statusLabel")).isEqualTo("Effectuée"))
                .satisfies(a -> assertThat(a.getString("note")).isEqualTo("Gel levé sur 120 caméras."));
        assertThat(process(ref).getBoolean("running")).isFalse();

        Http.Reply late = Http.postJson("/api/v1/tracking/" + filed.token() + "/complement",
                "{\"content\":\"Vers 18 h 05, sortie rue de Tournai.\"}");
        assertThat(late.status()).as(late.body()).isEqualTo(200);
        assertThat(late.json().getBoolean("awaited")).isFalse();
        assertThat(late.json().getJsonObject("case").getString("statusLabel")).isEqualTo("Clôturée");
        assertThat(staffView(ref).getJsonArray("complements").getValuesAs(JsonObject.class))
                .singleElement().satisfies(c -> assertThat(c.getBoolean("awaited")).isFalse());
    }

    @Test
    @DisplayName("extension inside the first month: +2 months, task due moved, notice to issue; a second one and a "
            + "late one are refused and change nothing")
    void extensionRules() {
        Filed filed = file("ACCESS", Instant.now().minus(1, ChronoUnit.DAYS));
        String ref = filed.reference();
        awaitTask("dpo", ref, "Task_QualifyRequest");
        String due = staffView(ref).getJsonObject("deadlines").getString("responseDue");

        assertProblem(Http.postJsonAs("/api/v1/requests/" + ref + "/extension", "dpo", PASSWORD, "{}"), 400, "reasons");
        assertThat(Http.postJsonAs("/api/v1/requests/" + ref + "/extension", "operator", PASSWORD,
                "{\"reasons\":\"x\"}").status()).isEqualTo(403);
        Http.Reply granted = Http.postJsonAs("/api/v1/requests/" + ref + "/extension", "dpo", PASSWORD,
                "{\"reasons\":\"Recherche sur 14 caméras et masquage de nombreux tiers.\"}");
        assertThat(granted.status()).as(granted.body()).isEqualTo(200);
        LegalCalendar calendar = new LegalCalendar();
        OffsetDateTime expected = calendar.endOfDay(calendar.monthsPeriodLastDay(OffsetDateTime.parse(due).toInstant(), 2));
        assertThat(OffsetDateTime.parse(granted.json().getString("responseDue"))).isEqualTo(expected);
        JsonObject extended = staffView(ref);
        assertThat(OffsetDateTime.parse(extended.getJsonObject("deadlines").getString("responseDue"))).isEqualTo(expected);
        assertThat(extended.getJsonObject("responseClock").getJsonObject("extension").getString("reasons"))
                .contains("14 caméras");
        assertThat(letter(extended, "EXTENSION_NOTICE").getString("statusLabel")).isEqualTo("Émise");
        assertThat(OffsetDateTime.parse(awaitTask("dpo", ref, "Task_QualifyRequest").getString("due"))).isEqualTo(expected);
        assertThat(Instant.parse(process(ref).getJsonObject("timers").getString("Timer_ResponseDue")))
                .as("the clock was re-armed on the new date").isEqualTo(expected.toInstant());
        assertThat(tracking(filed.token()).getBoolean("responseExtended")).isTrue();

        Http.Reply second = Http.postJsonAs("/api/v1/requests/" + ref + "/extension", "dpo", PASSWORD,
                "{\"reasons\":\"Encore\"}");
        assertProblem(second, 409);
        assertThat(second.json().getString("type")).endsWith("/already-extended");

        // A registered letter received 40 days ago: the first month is over, the process refuses the extension.
        JsonObject letter = Http.post("/" + RegardDeployment.PROBE + "/cases/letter?kind=ACCESS&receivedDaysAgo=40",
                "application/json", "").json();
        String late = letter.getString("reference");
        awaitTask("dpo", late, "Task_QualifyRequest");
        // Its answer date has passed: the engine's clock escalates it at once (reminder, then overdue).
        JsonObject before = awaitStaff(late, v -> v.getJsonObject("responseClock").getBoolean("overdue"));
        awaitJournal(late, "RESPONSE_OVERDUE");
        Http.Reply refused = Http.postJsonAs("/api/v1/requests/" + late + "/extension", "dpo", PASSWORD,
                "{\"reasons\":\"Trop tard\"}");
        assertProblem(refused, 409);
        assertThat(refused.json().getString("type")).endsWith("/extension-too-late");
        assertThat(refused.json().getString("detail")).contains("premier délai");
        JsonObject after = staffView(late);
        assertThat(after.getJsonObject("deadlines").getString("responseDue"))
                .isEqualTo(before.getJsonObject("deadlines").getString("responseDue"));
        assertThat(after.getJsonObject("responseClock").containsKey("extension")).isFalse();
        assertThat(after.getJsonArray("letters").getValuesAs(JsonObject.class))
                .extracting(l -> l.getString("type")).doesNotContain("EXTENSION_NOTICE");
        assertThat(journalActions(late)).contains("EXTENSION_REQUESTED", "EXTENSION_REFUSED", "RESPONSE_REMINDER_DUE")
                .doesNotContain("RESPONSE_EXTENDED");
    }

    @Test
    @DisplayName("the DPO queue lists the most urgent tasks first (answer due date, then creation)")
    void queueByUrgency() {
        String older = Http.post("/" + RegardDeployment.PROBE + "/cases/letter?kind=ACCESS&receivedDaysAgo=10",
                "application/json", "").json().getString("reference");
        String newer = file("ACCESS", Instant.now().minus(1, ChronoUnit.DAYS)).reference();
        awaitTask("dpo", older, "Task_QualifyRequest");
        awaitTask("dpo", newer, "Task_QualifyRequest");
        List<JsonObject> queue = Http.get("/api/v1/tasks", "dpo", PASSWORD).json().getJsonArray("tasks")
                .getValuesAs(JsonObject.class);
        List<String> dues = queue.stream().filter(t -> t.containsKey("due")).map(t -> t.getString("due")).toList();
        assertThat(dues.stream().map(OffsetDateTime::parse).toList()).isSortedAccordingTo(OffsetDateTime::compareTo);
        List<String> references = queue.stream().map(t -> t.getString("reference")).collect(Collectors.toList());
        assertThat(references.indexOf(older)).isLessThan(references.indexOf(newer));
        assertThat(Http.get("/api/v1/tasks", "auditor", PASSWORD).status()).isEqualTo(403);
    }

    @Test
    @DisplayName("verify-destruction: footage past its retention → attestation to issue and closure; recent footage → "
            + "destruction pending until its retention date")
    void verifyDestruction() {
        Filed old = file("VERIFY_DESTRUCTION", Instant.now().minus(20, ChronoUnit.DAYS));
        assertThat(actions(staffView(old.reference()), "PLACE_HOLD")).as("nothing held for a verification").isEmpty();
        assertThat(complete("dpo", awaitTask("dpo", old.reference(), "Task_QualifyRequest"),
                "{\"identityDoubt\":false,\"precise\":true,\"regime\":\"GDPR_ART15\"}").status()).isEqualTo(204);
        JsonObject closed = awaitStaff(old.reference(), v -> v.getString("status").equals("CLOSED"));
        assertThat(closed.getJsonObject("destruction").getString("finding")).isEqualTo("DESTROYED");
        assertThat(letter(closed, "DESTRUCTION_ATTESTATION").getString("statusLabel")).isEqualTo("Émise");
        assertThat(documentTypes(tracking(old.token()))).contains("DESTRUCTION_ATTESTATION");
        assertThat(actions(closed, "CHECK_DESTRUCTION")).singleElement()
                .satisfies(a -> assertThat(a.getString("note")).contains("non vérifié"));

        Instant recentEnd = Instant.now().minus(2, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);
        Filed recent = file("VERIFY_DESTRUCTION", recentEnd);
        assertThat(complete("dpo", awaitTask("dpo", recent.reference(), "Task_QualifyRequest"),
                "{\"identityDoubt\":false,\"precise\":true,\"regime\":\"GDPR_ART15\"}").status()).isEqualTo(204);
        JsonObject pending = awaitStaff(recent.reference(), v -> v.getString("status").equals("AWAITING_DESTRUCTION"));
        assertThat(pending.getString("statusLabel")).isEqualTo("Destruction des images à venir");
        Instant dueAt = OffsetDateTime.parse(pending.getJsonObject("destruction").getString("dueAt")).toInstant();
        assertThat(dueAt).isEqualTo(new LegalCalendar().plusDaysExact(recentEnd, 14).toInstant());
        assertThat(Instant.parse(process(recent.reference()).getJsonObject("timers").getString("Timer_DestructionDue")))
                .isEqualTo(dueAt);
    }

    // --- helpers (also used by FootagePurgeIT) --------------------------------------------------------------------------------------------------

    static Filed file(String kind, Instant factsEnd) {
        String end = OffsetDateTime.ofInstant(factsEnd, LegalCalendar.PARIS).toString();
        String start = OffsetDateTime.ofInstant(factsEnd.minus(30, ChronoUnit.MINUTES), LegalCalendar.PARIS).toString();
        Http.Reply reply = Http.postJson("/api/v1/requests", RequestApiIT.request(kind, start, end));
        assertThat(reply.status()).as(reply.body()).isEqualTo(201);
        return new Filed(reply.json().getString("reference"), reply.json().getString("trackingToken"));
    }

    static JsonObject staffView(String reference) {
        Http.Reply reply = Http.get("/api/v1/requests/" + reference, "dpo", PASSWORD);
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        return reply.json();
    }

    private static JsonObject tracking(String token) {
        Http.Reply reply = Http.get("/api/v1/tracking/" + token);
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        return reply.json();
    }

    /** Qualification under {@code regime}, footage found on {@code camera}, extraction recorded with {@code masking}. */
    private static void untilDecision(String ref, String regime, String camera, String masking) {
        assertThat(complete("dpo", awaitTask("dpo", ref, "Task_QualifyRequest"),
                "{\"identityDoubt\":false,\"precise\":true,\"regime\":\"" + regime + "\"}").status()).isEqualTo(204);
        assertThat(complete("operator", awaitTask("operator", ref, "Task_SearchFootage"),
                "{\"outcome\":\"FOUND\",\"cameras\":[\"" + camera + "\"]}").status()).isEqualTo(204);
        assertThat(complete("operator", awaitTask("operator", ref, "Task_ExtractAndMask"), "{\"cameras\":[\"" + camera
                + "\"],\"start\":\"2026-11-19T10:00:00+01:00\",\"end\":\"2026-11-19T10:10:00+01:00\"," + masking + "}")
                .status()).isEqualTo(204);
    }

    private static List<String> documentTypes(JsonObject tracking) {
        return tracking.getJsonArray("documents").getValuesAs(JsonObject.class).stream()
                .map(d -> d.getString("type")).toList();
    }

    private static JsonObject process(String reference) {
        return Http.get("/" + RegardDeployment.PROBE + "/cases/" + reference + "/process").json();
    }

    private static void fire(String reference, String activity) {
        JsonObject fired = Http.post("/" + RegardDeployment.PROBE + "/cases/" + reference + "/timers/" + activity
                + "/fire", "application/json", "").json();
        assertThat(fired.getInt("fired")).as("timers fired in " + activity).isEqualTo(1);
    }

    static Optional<JsonObject> findTask(String user, String reference, String taskKey) {
        Http.Reply reply = Http.get("/api/v1/tasks", user, PASSWORD);
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        return reply.json().getJsonArray("tasks").getValuesAs(JsonObject.class).stream()
                .filter(t -> t.getString("reference").equals(reference) && t.getString("taskKey").equals(taskKey))
                .findFirst();
    }

    static JsonObject awaitTask(String user, String reference, String taskKey) {
        return await(() -> findTask(user, reference, taskKey), taskKey + " of " + reference + " for " + user);
    }

    static JsonObject awaitStaff(String reference, Predicate<JsonObject> condition) {
        return await(() -> Optional.of(staffView(reference)).filter(condition), "case " + reference);
    }

    private static JsonObject awaitTracking(String token, Predicate<JsonObject> condition) {
        return await(() -> Optional.of(tracking(token)).filter(condition), "tracking view");
    }

    private static boolean awaitProcessEnd(String reference) {
        await(() -> Optional.of(process(reference)).filter(p -> !p.getBoolean("running")), "end of " + reference);
        return true;
    }

    static <T> T await(java.util.function.Supplier<Optional<T>> probe, String what) {
        return Await.until(probe, PATIENCE, what);
    }

    static Http.Reply complete(String user, JsonObject task, String json) {
        return Http.postJsonAs("/api/v1/tasks/" + task.getString("id") + "/complete", user, PASSWORD, json);
    }

    static List<JsonObject> actions(JsonObject staffView, String type) {
        return staffView.getJsonArray("archiveActions").getValuesAs(JsonObject.class).stream()
                .filter(a -> a.getString("type").equals(type)).toList();
    }

    private static boolean hasLetter(JsonObject view, String type) {
        return view.getJsonArray("letters").getValuesAs(JsonObject.class).stream()
                .anyMatch(l -> l.getString("type").equals(type));
    }

    private static JsonObject letter(JsonObject view, String type) {
        return view.getJsonArray("letters").getValuesAs(JsonObject.class).stream()
                .filter(l -> l.getString("type").equals(type)).findFirst()
                .orElseThrow(() -> new AssertionError("no letter " + type + " in " + view.getJsonArray("letters")));
    }

    private static void awaitJournal(String reference, String action) {
        await(() -> Optional.of(journalActions(reference)).filter(a -> a.contains(action)), action + " of " + reference);
    }

    private static List<String> journalActions(String reference) {
        return Http.get("/" + RegardDeployment.PROBE + "/journal?object=" + reference).json().getJsonArray("entries")
                .getValuesAs(JsonObject.class).stream().map(e -> e.getString("action")).toList();
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
