package fr.regard.it;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import java.util.List;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The demo camera registry (regard.demo.cameras=true) served to staff over HTTP, on the real EAR. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class CameraRegistryIT {

    private static final String DEMO_PASSWORD = "it-demo-secret";

    @Deployment(testable = false)
    static EnterpriseArchive regard() {
        return RegardDeployment.withProbe();
    }

    @Test
    @DisplayName("staff see the ~120 demo cameras of Lille and Hellemmes, each with its authorisation and retention")
    void demoCamerasServedToStaff() {
        for (String user : List.of("dpo", "operator", "auditor", "admin")) {
            Http.Reply reply = Http.get("/api/v1/cameras", user, DEMO_PASSWORD);
            assertThat(reply.status()).as(user + ": " + reply.body()).isEqualTo(200);
            assertThat(reply.json().getInt("count")).isBetween(110, 130);
        }
        JsonObject body = Http.get("/api/v1/cameras", "operator", DEMO_PASSWORD).json();
        assertThat(body.getJsonArray("cameras")).hasSize(body.getInt("count"));
        JsonObject first = body.getJsonArray("cameras").getJsonObject(0);
        assertThat(first.getString("id")).isEqualTo("HEL-001"); // ordered by id: HEL- before LIL-
        assertThat(first.getString("zone")).isEqualTo("Hellemmes");
        assertThat(first.getJsonObject("place").getString("address")).contains("Lille-Hellemmes");
        assertThat(first.getJsonObject("authorisation").getString("reference")).matches("AP-\\d{4}-VP-\\d{4}");
        assertThat(first.getJsonObject("authorisation").getString("expiry")).matches("\\d{4}-\\d{2}-\\d{2}");
        assertThat(first.getInt("retentionDays")).isEqualTo(14);
        assertThat(first.getInt("masks")).isNotNegative();
    }

    @Test
    @DisplayName("an anonymous caller gets 401, a wrong password too")
    void anonymousRefused() {
        assertThat(Http.get("/api/v1/cameras").status()).isEqualTo(401);
        assertThat(Http.get("/api/v1/cameras?zone=Centre").status()).isEqualTo(401);
        assertThat(Http.get("/api/v1/cameras", "dpo", "wrong").status()).isEqualTo(401);
    }

    @Test
    @DisplayName("?zone= keeps one zone, ignoring case; an unknown zone gives an empty list")
    void zoneFilter() {
        int all = Http.get("/api/v1/cameras", "dpo", DEMO_PASSWORD).json().getInt("count");

        JsonObject wazemmes = Http.get("/api/v1/cameras?zone=wazemmes", "dpo", DEMO_PASSWORD).json();
        assertThat(wazemmes.getInt("count")).isPositive().isLessThan(all);
        assertThat(wazemmes.getJsonArray("cameras").getValuesAs(JsonObject.class))
                .allSatisfy(c -> assertThat(c.getString("zone")).isEqualTo("Wazemmes"));

        JsonObject vieuxLille = Http.get("/api/v1/cameras?zone=Vieux-Lille", "dpo", DEMO_PASSWORD).json();
        assertThat(vieuxLille.getInt("count")).isPositive();

        assertThat(Http.get("/api/v1/cameras?zone=Roubaix", "dpo", DEMO_PASSWORD).json().getInt("count")).isZero();
    }
}
