package fr.regard.it;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The embedded engine inside the server: one JTA transaction with JPA, and timers on the managed executor. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class EngineIT {

    @Deployment(testable = false)
    static EnterpriseArchive regard() {
        return RegardDeployment.withProbe();
    }

    private static JsonObject intakeThen(String outcome) {
        Http.Reply reply = Http.post("/" + RegardDeployment.PROBE + "/intake/" + outcome, "application/json", "");
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        return reply.json();
    }

    private static JsonObject counts(String reference) {
        return Http.get("/" + RegardDeployment.PROBE + "/counts?reference=" + reference).json();
    }

    @Test
    @DisplayName("committed intake: the case row and its process instance both exist")
    void commitKeepsBoth() {
        JsonObject result = intakeThen("commit");
        assertThat(result.getInt("casesInsideTransaction")).isEqualTo(1);
        assertThat(result.getInt("processInstancesInsideTransaction")).isEqualTo(1);
        JsonObject after = counts(result.getString("reference"));
        assertThat(after.getInt("cases")).isEqualTo(1);
        assertThat(after.getInt("processInstances")).isEqualTo(1);
        // The receipt and the hold placed by the process in the same transaction; later steps (the acknowledgement)
        // run in their own transactions and may already have added theirs.
        assertThat(Http.get("/" + RegardDeployment.PROBE + "/journal?object=" + result.getString("reference")).json()
                .getJsonArray("entries").getValuesAs(JsonObject.class).stream().map(e -> e.getString("action")))
                .as("journal entries of the committed case")
                .containsOnlyOnce("CASE_RECEIVED", "FOOTAGE_HOLD_PLACED");
    }

    @Test
    @DisplayName("rolled-back intake: neither the case row nor its process instance survives")
    void rollbackDropsBoth() {
        JsonObject result = intakeThen("rollback");
        assertThat(result.getInt("casesInsideTransaction")).isEqualTo(1);
        assertThat(result.getInt("processInstancesInsideTransaction")).isEqualTo(1);
        assertThat(result.getString("outcome")).isEqualTo("rolled-back");
        JsonObject after = counts(result.getString("reference"));
        assertThat(after.getInt("cases")).isZero();
        assertThat(after.getInt("processInstances")).isZero();
        assertThat(Http.get("/" + RegardDeployment.PROBE + "/journal?object=" + result.getString("reference")).json()
                .getJsonArray("entries")).as("journal entries of the rolled-back case").isEmpty();
    }

    @Test
    @DisplayName("an engine failure later in the transaction rolls the case row back too")
    void engineFailureRollsBackTheCase() {
        JsonObject result = intakeThen("engine-failure");
        assertThat(result.getString("outcome")).isEqualTo("rolled-back");
        JsonObject after = counts(result.getString("reference"));
        assertThat(after.getInt("cases")).isZero();
        assertThat(after.getInt("processInstances")).isZero();
    }

    @Test
    @DisplayName("a timer fires within 10 seconds of its due time, on the container's executor")
    void timerFiresOnTime() throws InterruptedException {
        JsonObject started = Http.post("/" + RegardDeployment.PROBE + "/timer/3", "application/json", "").json();
        Instant due = Instant.parse(started.getString("due"));
        String id = started.getString("id");
        Instant deadline = due.plusSeconds(20);
        JsonObject state = Http.get("/" + RegardDeployment.PROBE + "/timer/" + id).json();
        while (!state.containsKey("endedAt") && Instant.now().isBefore(deadline)) {
            Thread.sleep(250);
            state = Http.get("/" + RegardDeployment.PROBE + "/timer/" + id).json();
        }
        assertThat(state.containsKey("endedAt")).as("timer fired").isTrue();
        Instant fired = Instant.parse(state.getString("endedAt"));
        Duration late = Duration.between(due, fired);
        assertThat(late).as("delay after due time").isLessThanOrEqualTo(Duration.ofSeconds(10));
        assertThat(fired).isAfterOrEqualTo(due.minusSeconds(1));
    }
}
