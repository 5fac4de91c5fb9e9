package fr.regard.workflows;

import static fr.regard.workflows.CaseScenario.DAY_0;
import static fr.regard.workflows.TestPolicy.day;
import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.time.Instant;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The verify-destruction process: attestation, waiting for a pending destruction, judicial hold. */
@Deployment(resources = "verify-destruction.bpmn")
class VerifyDestructionProcessTest {

    private static final String REFERENCE = "VD-2026-000007";

    @RegisterExtension
    static ProcessEngineExtension engine = InMemoryEngine.extension();

    private DelegateStandIns delegates;
    private CaseScenario scenario;

    @BeforeEach
    void standIns() {
        delegates = DelegateStandIns.register();
        scenario = new CaseScenario(engine, delegates);
    }

    @AfterEach
    void resetMocksAndClock() {
        Mocks.reset();
        ClockUtil.reset();
    }

    @Test
    @DisplayName("footage already destroyed: attestation, closure, purge after retention")
    void destroyedThenAttestation() {
        scenario.start("verify-destruction", REFERENCE, DAY_0, false);
        assertThat(delegates.called()).isEmpty();
        scenario.runDueJobs();
        assertThat(scenario.task("Task_QualifyRequest")).hasCandidateGroup("dpo");

        scenario.at(day(DAY_0, 2)).qualify(false);

        assertThat(delegates.called()).containsExactly("sendAcknowledgement", "checkDestruction",
                "issueDestructionAttestation", "closeCase");
        assertThat(scenario.instance()).hasPassed("Event_ResponseSent", "End_ResponseClockStopped")
                .isWaitingAt("Timer_PersonalDataRetention");
        assertThat(scenario.timerActivities()).containsExactly("Timer_PersonalDataRetention");

        scenario.at(scenario.dateVariable("personalDataPurgeAt"));

        assertThat(delegates.called()).endsWith("closeCase", "purgePersonalData");
        scenario.assertEndedCleanlyAt("End_CaseClosed");
    }

    @Test
    @DisplayName("destruction still pending: waits until destructionDueAt, checks again, then attests")
    void pendingThenAttestation() {
        Instant destructionDueAt = day(DAY_0, 9);
        delegates.when("checkDestruction", execution -> {
            boolean due = !DelegateStandIns.now().isBefore(destructionDueAt);
            execution.setVariable("destructionStatus", due ? "DESTROYED" : "PENDING");
            if (!due) {
                execution.setVariable("destructionDueAt", TestPolicy.date(destructionDueAt));
            }
        });
        scenario.start("verify-destruction", REFERENCE, DAY_0, false);
        scenario.runDueJobs().at(day(DAY_0, 2)).qualify(false);

        assertThat(scenario.instance()).isWaitingAt("Timer_DestructionDue");
        assertThat(delegates.called()).containsExactly("sendAcknowledgement", "checkDestruction");
        scenario.at(destructionDueAt.minusSeconds(60));
        assertThat(delegates.called()).containsExactly("sendAcknowledgement", "checkDestruction");

        scenario.at(destructionDueAt);

        assertThat(delegates.called()).containsExactly("sendAcknowledgement", "checkDestruction",
                "checkDestruction", "issueDestructionAttestation", "closeCase");
        assertThat(delegates.timesOf("checkDestruction")).containsExactly(day(DAY_0, 2), destructionDueAt);
        assertThat(scenario.instance()).isWaitingAt("Timer_PersonalDataRetention");
    }

    @Test
    @DisplayName("footage under a judicial hold: the letter says so and the case closes")
    void judicialHoldLetter() {
        delegates.when("checkDestruction", execution -> execution.setVariable("destructionStatus", "JUDICIAL_HOLD"));
        scenario.start("verify-destruction", REFERENCE, DAY_0, false);

        scenario.runDueJobs().at(day(DAY_0, 2)).qualify(false);

        assertThat(delegates.called()).containsExactly("sendAcknowledgement", "checkDestruction",
                "issueJudicialHoldLetter", "closeCase");
        assertThat(scenario.instance()).hasNotPassed("ServiceTask_IssueDestructionAttestation")
                .isWaitingAt("Timer_PersonalDataRetention");
    }

    @Test
    @DisplayName("an imprecise verification request goes through the same complement loop, clock paused")
    void complementLoop() {
        scenario.start("verify-destruction", REFERENCE, DAY_0, true);
        scenario.runDueJobs().at(day(DAY_0, 1)).qualify(true);
        assertThat(scenario.instance()).isWaitingAt("Gateway_AwaitComplement");

        scenario.at(day(DAY_0, 4)).correlate("ComplementReceived").qualify(false);

        assertThat(delegates.called()).containsExactly("sendAcknowledgement", "requestComplement",
                "pauseResponseClock", "resumeResponseClock", "checkDestruction", "issueDestructionAttestation",
                "closeCase");
    }

    @Test
    @DisplayName("the same response clock: reminder, escalation, and an extension inside the first month")
    void responseClock() {
        scenario.start("verify-destruction", REFERENCE, DAY_0, false);
        scenario.runDueJobs();
        Instant reminderAt = scenario.dateVariable("responseReminderAt");

        scenario.at(reminderAt);
        assertThat(delegates.timesOf("remindResponseDue")).containsExactly(reminderAt);
        scenario.correlate("ExtensionRequested");
        Instant extendedDue = scenario.dateVariable("responseDue");
        assertThat(extendedDue).isEqualTo(TestPolicy.extended(scenario.firstResponseDue()));

        scenario.at(scenario.firstResponseDue().plusSeconds(60));
        assertThat(delegates.called()).doesNotContain("escalateOverdue");
        scenario.at(extendedDue);
        assertThat(delegates.timesOf("escalateOverdue")).containsExactly(extendedDue);
        assertThat(delegates.called()).containsExactly("sendAcknowledgement", "remindResponseDue",
                "grantExtension", "sendExtensionNotice", "remindResponseDue", "escalateOverdue");
    }
}
