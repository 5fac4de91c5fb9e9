package fr.regard.workflows;

import static fr.regard.workflows.CaseScenario.DAY_0;
import static fr.regard.workflows.TestPolicy.day;
import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.util.Map;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A requester may withdraw at any point before closure: holds released, any extract destroyed, the withdrawal
 * acknowledged, and nothing of the case's process left running (no task, job, timer or subscription).
 */
@Deployment(resources = {"access-request.bpmn", "verify-destruction.bpmn"})
class WithdrawalTest {

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
    @DisplayName("withdrawn while the DPO qualifies it")
    void duringQualification() {
        scenario.start("access-request", "DA-2026-000050", DAY_0, false);
        scenario.runDueJobs();
        assertThat(scenario.instance()).isWaitingAt("Task_QualifyRequest");

        scenario.at(day(DAY_0, 3)).correlate("RequestWithdrawn");

        assertThat(delegates.called()).containsExactly("placeFootageHold", "sendAcknowledgement", "releaseHolds",
                "destroyExtract", "acknowledgeWithdrawal");
        scenario.assertEndedCleanlyAt("End_Withdrawn");
    }

    @Test
    @DisplayName("withdrawn while waiting for a complement (clock paused)")
    void whileWaitingForComplement() {
        scenario.start("access-request", "DA-2026-000051", DAY_0, true);
        scenario.runDueJobs().at(day(DAY_0, 2)).qualify(true);
        assertThat(scenario.instance()).isWaitingAt("Gateway_AwaitComplement");

        scenario.at(day(DAY_0, 6)).correlate("RequestWithdrawn");

        assertThat(delegates.called()).endsWith("requestComplement", "pauseResponseClock", "releaseHolds",
                "destroyExtract", "acknowledgeWithdrawal");
        scenario.assertEndedCleanlyAt("End_Withdrawn");
        scenario.at(day(DAY_0, 40));
        assertThat(delegates.called()).doesNotContain("remindComplement", "closeForMissingComplement",
                "remindResponseDue", "escalateOverdue");
    }

    @Test
    @DisplayName("withdrawn while the copy is downloadable: the extract is destroyed at once")
    void duringDelivery() {
        scenario.start("access-request", "DA-2026-000052", DAY_0, false);
        scenario.runDueJobs().at(day(DAY_0, 1)).qualify(false).search("FOUND")
                .complete("Task_ExtractAndMask", Map.of()).decide("GRANT_COPY");
        assertThat(scenario.instance()).isWaitingAt("Timer_DeliveryExpiry");

        scenario.at(day(DAY_0, 9)).correlate("RequestWithdrawn");

        assertThat(delegates.called()).endsWith("publishDeliveryLink", "releaseHolds", "destroyExtract",
                "acknowledgeWithdrawal");
        assertThat(delegates.called()).doesNotContain("closeCase");
        scenario.assertEndedCleanlyAt("End_Withdrawn");
    }

    @Test
    @DisplayName("a verification request withdrawn while its footage awaits destruction")
    void verificationWithdrawn() {
        delegates.when("checkDestruction", execution -> {
            execution.setVariable("destructionStatus", "PENDING");
            execution.setVariable("destructionDueAt", TestPolicy.date(day(DAY_0, 9)));
        });
        scenario.start("verify-destruction", "VD-2026-000053", DAY_0, false);
        scenario.runDueJobs().at(day(DAY_0, 1)).qualify(false);
        assertThat(scenario.instance()).isWaitingAt("Timer_DestructionDue");

        scenario.at(day(DAY_0, 2)).correlate("RequestWithdrawn");

        assertThat(delegates.called()).containsExactly("sendAcknowledgement", "checkDestruction", "releaseHolds",
                "acknowledgeWithdrawal");
        scenario.assertEndedCleanlyAt("End_Withdrawn");
    }
}
