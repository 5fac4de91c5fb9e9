package fr.regard.it;

import static org.assertj.core.api.Assertions.assertThat;

import fr.regard.calendar.domain.LegalCalendar;
import jakarta.json.JsonObject;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.stream.Collectors;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The first slice over HTTP, on the real EAR in the managed WildFly: status, intake, tracking, staff view. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class RequestApiIT {

    private static final String DEMO_PASSWORD = "it-demo-secret";

    @Deployment(testable = false)
    static EnterpriseArchive regard() {
        return RegardDeployment.withProbe();
    }

    static String request(String kind, String start, String end) {
        return """
                {"kind":"%s",
                 "requester":{"firstName":"Camille","lastName":"Durand","email":"camille.durand@example.org"},
                 "facts":{"start":"%s","end":"%s","place":"Rue Nationale, devant le n° 54, Lille",
                          "description":"J'ai été bousculée en sortant du métro."}}
                """.formatted(kind, start, end);
    }

    @Test
    @DisplayName("status says UP once the database and the engine are ready")
    void statusIsUp() {
        Http.Reply reply = Http.get("/api/v1/status");
        assertThat(reply.status()).isEqualTo(200);
        JsonObject json = reply.json();
        assertThat(json.getString("status")).isEqualTo("UP");
        assertThat(json.getString("database")).isEqualTo("UP");
        assertThat(json.getString("engine")).isEqualTo("UP");
        // access-request and verify-destruction
        assertThat(json.getJsonNumber("processDefinitions").longValue()).isEqualTo(2);
    }

    @Test
    @DisplayName("a request filed on the API becomes a case with its deadlines in Europe/Paris and a running process")
    void requestBecomesCase() {
        Instant before = Instant.now();
        Http.Reply reply = Http.postJson("/api/v1/requests",
                request("ACCESS", "2026-11-20T14:30:00+01:00", "2026-11-20T15:00:00+01:00"));

        assertThat(reply.status()).as(reply.body()).isEqualTo(201);
        JsonObject body = reply.json();
        String reference = body.getString("reference");
        assertThat(reference).matches("DA-\\d{4}-\\d{6}");
        assertThat(reply.location()).endsWith("/api/v1/requests/" + reference);
        assertThat(body.getString("status")).isEqualTo("AWAITING_QUALIFICATION");
        assertThat(body.getString("trackingToken")).matches("[A-Za-z0-9_-]{43}");

        JsonObject deadlines = body.getJsonObject("deadlines");
        // Facts ended Friday 20 Nov 2026; +8 days = Saturday 28 Nov → next working day, Monday 30 Nov.
        assertThat(deadlines.getString("charterWindowEnd")).isEqualTo("2026-11-30T23:59:59+01:00");
        // 14 days of retention from the first requested minute, same Paris wall time.
        assertThat(deadlines.getString("preservationDeadline")).isEqualTo("2026-12-04T14:30:00+01:00");
        // One month from receipt (Regulation 1182/71), computed by the unit-tested legal calendar.
        LegalCalendar calendar = new LegalCalendar();
        OffsetDateTime responseDue = OffsetDateTime.parse(deadlines.getString("responseDue"));
        assertThat(List.of(calendar.endOfDay(calendar.monthsPeriodLastDay(before, 1)),
                calendar.endOfDay(calendar.monthsPeriodLastDay(Instant.now(), 1)))).contains(responseDue);

        JsonObject counts = Http.get("/" + RegardDeployment.PROBE + "/counts?reference=" + reference).json();
        assertThat(counts.getInt("cases")).isEqualTo(1);
        assertThat(counts.getInt("processInstances")).isEqualTo(1);
    }

    @Test
    @DisplayName("the requester follows the case with the tracking token, without an account and without staff data")
    void trackingView() {
        JsonObject filed = Http.postJson("/api/v1/requests",
                request("VERIFY_DESTRUCTION", "2026-11-19T08:00:00+01:00", "2026-11-19T08:20:00+01:00")).json();
        Http.Reply reply = Http.get("/api/v1/tracking/" + filed.getString("trackingToken"));

        assertThat(reply.status()).isEqualTo(200);
        JsonObject view = reply.json();
        assertThat(view.getString("reference")).isEqualTo(filed.getString("reference")).startsWith("VD-");
        assertThat(view.getString("statusLabel")).isEqualTo("À qualifier");
        assertThat(view.getJsonObject("deadlines").keySet())
                .contains("charterWindowEnd", "preservationDeadline", "responseDue");
        assertThat(reply.body()).doesNotContain("Durand", "camille.durand", "trackingToken");

        Http.Reply unknown = Http.get("/api/v1/tracking/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA");
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.contentType()).startsWith("application/problem+json");
        assertThat(Http.get("/api/v1/tracking/not-a-token").status()).isEqualTo(404);
    }

    @Test
    @DisplayName("staff read a case with their demo account; anonymous or wrong passwords are refused")
    void staffView() {
        String reference = Http.postJson("/api/v1/requests",
                request("ACCESS", "2026-11-21T10:00:00+01:00", "2026-11-21T10:30:00+01:00")).json().getString("reference");

        assertThat(Http.get("/api/v1/requests/" + reference).status()).isEqualTo(401);
        assertThat(Http.get("/api/v1/requests/" + reference, "dpo", "wrong").status()).isEqualTo(401);
        assertThat(Http.get("/api/v1/requests/" + reference, "nobody", DEMO_PASSWORD).status()).isEqualTo(401);

        for (String account : List.of("dpo", "operator", "auditor", "admin")) {
            Http.Reply reply = Http.get("/api/v1/requests/" + reference, account, DEMO_PASSWORD);
            assertThat(reply.status()).as(account).isEqualTo(200);
            JsonObject view = reply.json();
            assertThat(view.getString("reference")).isEqualTo(reference);
            assertThat(view.getJsonObject("requester").getString("lastName")).isEqualTo("Durand");
            assertThat(view.getJsonObject("facts").getString("place")).contains("Rue Nationale");
            assertThat(view.getString("processInstanceId")).isNotBlank();
        }
        Http.Reply missing = Http.get("/api/v1/requests/DA-1999-999999", "dpo", DEMO_PASSWORD);
        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.contentType()).startsWith("application/problem+json");
    }

    @ParameterizedTest(name = "{0} → 400 naming {2}")
    @CsvSource(delimiter = '|', textBlock = """
            missing requester and facts | {"kind":"ACCESS"}                                                        | requester,facts
            missing fields              | {"kind":"ACCESS","requester":{},"facts":{}}                              | requester.firstName,requester.lastName,requester.email,facts.start,facts.end,facts.place
            end before start            | REQUEST(ACCESS,2026-11-20T15:00:00+01:00,2026-11-20T14:00:00+01:00)      | facts.end
            facts in the future         | REQUEST(ACCESS,2099-01-01T10:00:00+01:00,2099-01-01T11:00:00+01:00)      | facts.start,facts.end
            unknown kind                | REQUEST(COMPLAINT,2026-11-20T14:00:00+01:00,2026-11-20T15:00:00+01:00)   | kind
            date without offset         | REQUEST(ACCESS,2026-11-20T14:00:00,2026-11-20T15:00:00+01:00)            | facts.start
            malformed JSON              | {"kind":"ACCESS",                                                        | body
            not an object               | [1,2,3]                                                                  | body
            wrong types                 | {"kind":42,"requester":"Camille","facts":{"start":1,"end":true,"place":"x"}} | kind,requester,facts.start,facts.end
            """)
    @DisplayName("bad input is refused with problem details naming each field, and nothing is stored")
    void badInput(String scenario, String body, String fields) {
        if (body.startsWith("REQUEST(")) {
            String[] args = body.substring(8, body.length() - 1).split(",");
            body = request(args[0], args[1], args[2]);
        }
        JsonObject before = Http.get("/" + RegardDeployment.PROBE + "/counts").json();

        Http.Reply reply = Http.postJson("/api/v1/requests", body);

        assertThat(reply.status()).as(scenario + ": " + reply.body()).isEqualTo(400);
        assertThat(reply.contentType()).startsWith("application/problem+json");
        JsonObject problem = reply.json();
        assertThat(problem.getInt("status")).isEqualTo(400);
        assertThat(problem.getString("title")).isNotBlank();
        List<String> named = problem.getJsonArray("errors").getValuesAs(JsonObject.class).stream()
                .map(e -> e.getString("field")).collect(Collectors.toList());
        assertThat(named).as(scenario).containsExactlyInAnyOrder(fields.split(","));
        assertThat(reply.body()).doesNotContain("Exception", "at fr.regard");

        JsonObject after = Http.get("/" + RegardDeployment.PROBE + "/counts").json();
        assertThat(after.getInt("allCases")).isEqualTo(before.getInt("allCases"));
        assertThat(after.getInt("allProcessInstances")).isEqualTo(before.getInt("allProcessInstances"));
    }

    @Test
    @DisplayName("a body that is not JSON gets 415 problem details")
    void wrongMediaType() {
        Http.Reply reply = Http.post("/api/v1/requests", "text/plain", "bonjour");
        assertThat(reply.status()).isEqualTo(415);
        assertThat(reply.contentType()).startsWith("application/problem+json");
    }

    @Test
    @DisplayName("the server publishes the OpenAPI description of /api/v1")
    void openApi() {
        Http.Reply reply = Http.get("/openapi");
        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.body()).contains("/api/v1/requests", "/api/v1/tracking/{token}", "/api/v1/status");
    }

    @Test
    @DisplayName("the home page is served at / in French")
    void homePage() {
        Http.Reply reply = Http.get("/");
        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.body()).contains("lang=\"fr\"", "Accès aux images de vidéoprotection");
    }
}
