package fr.regard.workflows;

import static fr.regard.workflows.CaseScenario.DAY_0;
import static fr.regard.workflows.TestPolicy.day;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The access-request process from intake to purge: scenarios of DOMAIN.md, delegates stood in. */
@Deployment(resources = "access-request.bpmn")
class AccessRequestProcessTest {

    private static final String REFERENCE = "DA-2026-000042";

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
    @DisplayName("request on day 7 for facts on day 0: hold before any human step, in the intake transaction")
    void holdBeforeAnyHumanStep() {
        Instant factsStart = DAY_0;
        Instant receivedAt = day(factsStart, 7);
        List<Long> tasksWhenHoldPlaced = new ArrayList<>();
        delegates.when("placeFootageHold", execution -> tasksWhenHoldPlaced.add(execution.getProcessEngineServices()
                .getTaskService().createTaskQuery().processInstanceId(execution.getProcessInstanceId()).count()));

        scenario.start("access-request", REFERENCE, receivedAt, false);

        // Still inside startProcessInstance: the hold is there, the acknowledgement waits for its own transaction.
        assertThat(delegates.called()).containsExactly("placeFootageHold");
        assertThat(delegates.timesOf("placeFootageHold")).containsExactly(receivedAt);
        assertThat(delegates.timesOf("placeFootageHold").get(0)).isBefore(day(factsStart, 14));
        assertThat(tasksWhenHoldPlaced).containsExactly(0L);
        assertThat(scenario.instance()).isWaitingAt("ServiceTask_SendAcknowledgement");
        assertThat(scenario.openTasks()).isZero();
    }

    @Test
    @DisplayName("a hold that cannot be placed rejects the intake: no case process without its hold")
    void noProcessWithoutItsHold() {
        delegates.when("placeFootageHold", execution -> {
            throw new IllegalStateException("recording archive unavailable");
        });

        assertThatThrownBy(() -> scenario.start("access-request", REFERENCE, DAY_0, false))
                .hasMessageContaining("recording archive unavailable");
        assertThat(engine.getRuntimeService().createProcessInstanceQuery().processInstanceBusinessKey(REFERENCE)
                .count()).isZero();
    }

    @Test
    @DisplayName("the acknowledgement is sent, then the DPO qualifies the request by the response date")
    void acknowledgementThenQualification() {
        scenario.start("access-request", REFERENCE, DAY_0, false);

        scenario.runDueJobs();

        assertThat(delegates.called()).containsExactly("placeFootageHold", "sendAcknowledgement");
        assertThat(scenario.instance()).isWaitingAt("Task_QualifyRequest", "Timer_ResponseReminder",
                "Timer_ResponseDue");
        Task qualify = scenario.task("Task_QualifyRequest");
        assertThat(qualify).hasCandidateGroup("dpo");
        assertThat(qualify.getDueDate()).isEqualTo(Date.from(scenario.firstResponseDue()));
        assertThat(scenario.instance().getBusinessKey()).isEqualTo(REFERENCE);
    }

    @Test
    @DisplayName("a complement answered goes back to qualification")
    void complementAnswered() {
        scenario.start("access-request", REFERENCE, DAY_0, false);
        scenario.runDueJobs().at(day(DAY_0, 2)).qualify(true);

        assertThat(delegates.called()).endsWith("requestComplement");
        assertThat(scenario.instance()).isWaitingAt("Gateway_AwaitComplement");
        assertThat(scenario.dateVariable("complementDeadline")).isEqualTo(day(DAY_0, 17));

        scenario.at(day(DAY_0, 5)).correlate("ComplementReceived");

        assertThat(scenario.instance()).isWaitingAt("Task_QualifyRequest").hasPassed("Message_ComplementReceived");
        assertThat(scenario.timerActivities()).containsExactly("Timer_ResponseDue", "Timer_ResponseReminder");
        assertThat(delegates.called()).doesNotContain("remindComplement", "pauseResponseClock",
                "resumeResponseClock");
    }

    @Test
    @DisplayName("a complement answered after the reminder goes back to qualification")
    void complementAnsweredAfterReminder() {
        scenario.start("access-request", REFERENCE, DAY_0, false);
        scenario.runDueJobs().qualify(true);

        scenario.at(day(DAY_0, 12));
        assertThat(delegates.called()).endsWith("requestComplement", "remindComplement");
        assertThat(scenario.instance()).isWaitingAt("Gateway_AwaitComplementAfterReminder");

        scenario.correlate("ComplementReceived");

        assertThat(scenario.instance()).isWaitingAt("Task_QualifyRequest")
                .hasPassed("Message_ComplementReceivedAfterReminder");
        assertThat(scenario.timerActivities()).containsExactly("Timer_ResponseDue", "Timer_ResponseReminder");
    }

    @Test
    @DisplayName("complement unanswered for 15 days closes the case with a letter (reminder first)")
    void complementUnanswered() {
        scenario.start("access-request", REFERENCE, DAY_0, false);
        scenario.runDueJobs().qualify(true);

        scenario.at(day(DAY_0, 10).minusSeconds(60));
        assertThat(delegates.called()).doesNotContain("remindComplement");
        scenario.at(day(DAY_0, 10));
        assertThat(delegates.timesOf("remindComplement")).containsExactly(day(DAY_0, 10));
        scenario.at(day(DAY_0, 15).minusSeconds(60));
        assertThat(delegates.called()).doesNotContain("closeForMissingComplement");

        scenario.at(day(DAY_0, 15));

        assertThat(delegates.called()).containsExactly("placeFootageHold", "sendAcknowledgement",
                "requestComplement", "remindComplement", "closeForMissingComplement");
        assertThat(delegates.timesOf("closeForMissingComplement")).containsExactly(day(DAY_0, 15));
        scenario.assertEndedCleanlyAt("End_ClosedWithoutComplement");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"GRANT_COPY", "PARTIAL"})
    @DisplayName("a copy (whole or partial) is published, the link expires, the extract is destroyed, the case closes")
    void copyDelivered(String decision) {
        throughDecision("FOUND", decision, day(DAY_0, 20));

        assertThat(delegates.called()).containsExactly("placeFootageHold", "sendAcknowledgement", "produceExtract",
                "issueDecisionLetter", "publishDeliveryLink");
        assertThat(scenario.instance()).isWaitingAt("Timer_DeliveryExpiry").hasPassed("Event_ResponseSent");
        Instant expiresAt = scenario.dateVariable("deliveryExpiresAt");
        assertThat(expiresAt).isEqualTo(day(DAY_0, 50));

        scenario.at(expiresAt.minusSeconds(60));
        assertThat(delegates.called()).doesNotContain("destroyExtract");
        scenario.at(expiresAt);

        assertThat(delegates.called()).endsWith("publishDeliveryLink", "destroyExtract", "closeCase");
        assertThat(delegates.timesOf("destroyExtract")).containsExactly(expiresAt);
        assertThat(scenario.instance()).isWaitingAt("Timer_PersonalDataRetention");
        assertThat(scenario.timerActivities()).containsExactly("Timer_PersonalDataRetention");
    }

    @Test
    @DisplayName("an on-site viewing is held by the DPO, then the extract is destroyed and the case closes")
    void onSiteViewing() {
        throughDecision("FOUND", "GRANT_VIEWING", day(DAY_0, 20));

        assertThat(scenario.instance()).isWaitingAt("Task_HoldViewing");
        assertThat(scenario.task("Task_HoldViewing")).hasCandidateGroup("dpo");
        assertThat(delegates.called()).doesNotContain("publishDeliveryLink");

        scenario.at(day(DAY_0, 27)).complete("Task_HoldViewing", Map.of());

        assertThat(delegates.called()).containsExactly("placeFootageHold", "sendAcknowledgement", "produceExtract",
                "issueDecisionLetter", "destroyExtract", "closeCase");
        assertThat(scenario.instance()).isWaitingAt("Timer_PersonalDataRetention");
    }

    @Test
    @DisplayName("a refusal closes the case straight after the letter")
    void refusal() {
        throughDecision("FOUND", "REFUSAL", day(DAY_0, 20));

        assertThat(delegates.called()).containsExactly("placeFootageHold", "sendAcknowledgement", "produceExtract",
                "issueDecisionLetter", "closeCase");
        assertThat(scenario.instance()).isWaitingAt("Timer_PersonalDataRetention")
                .hasPassed("Event_ResponseSent", "ServiceTask_CloseCase")
                .hasNotPassed("ServiceTask_PublishDeliveryLink", "Task_HoldViewing", "ServiceTask_DestroyExtract");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"NOT_FOUND", "ALREADY_DESTROYED"})
    @DisplayName("no data: nothing to extract, the DPO answers at once and the case closes")
    void noData(String searchOutcome) {
        throughDecision(searchOutcome, "NO_DATA", day(DAY_0, 6));

        assertThat(delegates.called()).containsExactly("placeFootageHold", "sendAcknowledgement",
                "issueDecisionLetter", "closeCase");
        assertThat(scenario.instance()).hasPassed("Task_SearchFootage", "Task_Decide")
                .hasNotPassed("Task_ExtractAndMask", "ServiceTask_ProduceExtract")
                .isWaitingAt("Timer_PersonalDataRetention");
    }

    @Test
    @DisplayName("personal data are purged when the retention ends, and the case process ends completely")
    void personalDataPurgedAfterRetention() {
        throughDecision("FOUND", "REFUSAL", day(DAY_0, 20));
        Instant purgeAt = scenario.dateVariable("personalDataPurgeAt");
        assertThat(purgeAt).isEqualTo(TestPolicy.purgeAfter(day(DAY_0, 20)));

        scenario.at(purgeAt.minus(Duration.ofMinutes(1)));
        assertThat(delegates.called()).doesNotContain("purgePersonalData");
        scenario.at(purgeAt);

        assertThat(delegates.called()).endsWith("closeCase", "purgePersonalData");
        assertThat(delegates.timesOf("purgePersonalData")).containsExactly(purgeAt);
        scenario.assertEndedCleanlyAt("End_CaseClosed");
        assertThat(scenario.instance()).hasPassed("End_ResponseClockStopped");
    }

    /** Intake, qualification, search (and extraction when found), then the DPO's decision on the given day. */
    private void throughDecision(String searchOutcome, String decision, Instant decidedOn) {
        scenario.start("access-request", REFERENCE, DAY_0, false);
        scenario.runDueJobs().at(day(DAY_0, 1)).qualify(false);
        scenario.at(day(DAY_0, 3)).search(searchOutcome);
        if (searchOutcome.equals("FOUND")) {
            assertThat(scenario.task("Task_ExtractAndMask")).hasCandidateGroup("operator");
            scenario.at(day(DAY_0, 5)).complete("Task_ExtractAndMask", Map.of());
        }
        assertThat(scenario.task("Task_Decide")).hasCandidateGroup("dpo");
        scenario.at(decidedOn).decide(decision);
    }
}
