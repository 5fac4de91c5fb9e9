package fr.regard.workflows;

import static fr.regard.workflows.CaseScenario.DAY_0;
import static fr.regard.workflows.TestPolicy.day;
import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.time.Duration;
import java.time.Instant;
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
 * The legal response clock of access-request (GDPR art. 12(3)): reminder and escalation on the dates the
 * application computed, re-armed when the due date moves (extension, pause, resumption), stopped by the answer.
 */
@Deployment(resources = "access-request.bpmn")
class ResponseClockTest {

    private static final String REFERENCE = "DA-2026-000043";
    private static final Duration A_MINUTE = Duration.ofMinutes(1);

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
    @DisplayName("the DPO is reminded on responseReminderAt, the case is escalated on responseDue")
    void reminderThenEscalation() {
        scenario.start("access-request", REFERENCE, DAY_0, false);
        scenario.runDueJobs();
        Instant reminderAt = scenario.dateVariable("responseReminderAt");
        Instant due = scenario.dateVariable("responseDue");

        scenario.at(reminderAt.minus(A_MINUTE));
        assertThat(delegates.called()).doesNotContain("remindResponseDue");
        scenario.at(reminderAt);
        assertThat(delegates.timesOf("remindResponseDue")).containsExactly(reminderAt);
        scenario.at(due.minus(A_MINUTE));
        assertThat(delegates.called()).doesNotContain("escalateOverdue");
        scenario.at(due);

        assertThat(delegates.timesOf("escalateOverdue")).containsExactly(due);
        assertThat(delegates.called()).endsWith("remindResponseDue", "escalateOverdue");
        // Overdue: the clock waits for the answer (and still for a new due date), the DPO still has the case.
        assertThat(scenario.instance()).isWaitingAt("Task_QualifyRequest", "Event_AwaitResponseWhenOverdue");
        assertThat(scenario.timerActivities()).isEmpty();

        scenario.at(due.plus(Duration.ofDays(2))).qualify(false).search("NOT_FOUND").decide("NO_DATA");

        // The answer stops the clock through its boundary event, which the engine evaluates before the inner wait.
        assertThat(scenario.instance()).hasPassed("Boundary_ResponseSent", "End_ResponseClockStopped");
        assertThat(scenario.timerActivities()).containsExactly("Timer_PersonalDataRetention");
    }

    @Test
    @DisplayName("an extension inside the first month moves the escalation by two months")
    void extensionInsideFirstMonth() {
        scenario.start("access-request", REFERENCE, DAY_0, false);
        scenario.runDueJobs();
        Instant oldReminder = scenario.dateVariable("responseReminderAt");
        Instant oldDue = scenario.dateVariable("responseDue");

        scenario.at(day(DAY_0, 20)).correlate("ExtensionRequested");

        assertThat(delegates.called()).endsWith("grantExtension", "sendExtensionNotice");
        Instant newDue = scenario.dateVariable("responseDue");
        assertThat(newDue).isEqualTo(TestPolicy.extended(oldDue));
        Instant newReminder = scenario.dateVariable("responseReminderAt");
        assertThat(scenario.instance()).hasPassed("Boundary_ResponseDueMoved", "End_ExtensionGranted")
                .isWaitingAt("Task_QualifyRequest", "Timer_ResponseReminder", "Timer_ResponseDue");
        assertThat(scenario.timerActivities()).hasSize(2);

        scenario.at(oldReminder).at(oldDue).at(oldDue.plus(Duration.ofDays(1)));
        assertThat(delegates.called()).doesNotContain("remindResponseDue", "escalateOverdue");

        scenario.at(newReminder);
        assertThat(delegates.timesOf("remindResponseDue")).containsExactly(newReminder);
        scenario.at(newDue.minus(A_MINUTE));
        assertThat(delegates.called()).doesNotContain("escalateOverdue");
        scenario.at(newDue);
        assertThat(delegates.timesOf("escalateOverdue")).containsExactly(newDue);
    }

    @Test
    @DisplayName("an extension notice after the first month has ended is refused")
    void extensionAfterFirstMonthRefused() {
        scenario.start("access-request", REFERENCE, DAY_0, false);
        scenario.runDueJobs();
        Instant due = scenario.dateVariable("responseDue");
        scenario.at(due.plus(Duration.ofDays(1)));
        delegates.forget();

        scenario.correlate("ExtensionRequested");

        assertThat(delegates.called()).containsExactly("grantExtension", "recordRefusedExtension");
        assertThat(scenario.dateVariable("responseDue")).isEqualTo(due);
        assertThat(scenario.instance()).hasPassed("Boundary_ExtensionTooLate", "End_ExtensionRefused")
                .hasNotPassed("ServiceTask_SendExtensionNotice", "Boundary_ResponseDueMoved")
                .isWaitingAt("Task_QualifyRequest", "Event_AwaitResponseWhenOverdue");
        assertThat(scenario.timerActivities()).isEmpty();
    }

    @Test
    @DisplayName("the clock is paused while the requester owes a complement, when the policy says so")
    void pausedDuringComplement() {
        scenario.start("access-request", REFERENCE, DAY_0, true);
        Instant firstReminder = scenario.dateVariable("responseReminderAt");
        Instant firstDue = scenario.dateVariable("responseDue");
        Duration timeLeft = Duration.between(day(DAY_0, 10), firstDue);

        scenario.runDueJobs().at(day(DAY_0, 10)).qualify(true);

        assertThat(delegates.called()).endsWith("requestComplement", "pauseResponseClock");
        Instant pausedDue = scenario.dateVariable("responseDue");
        assertThat(pausedDue).isEqualTo(day(DAY_0, 25).plus(timeLeft));
        assertThat(scenario.instance()).isWaitingAt("Gateway_AwaitComplement", "Timer_ResponseReminder",
                "Timer_ResponseDue");

        scenario.at(day(DAY_0, 22)).correlate("ComplementReceived");

        assertThat(delegates.called()).endsWith("requestComplement", "pauseResponseClock", "remindComplement",
                "resumeResponseClock");
        Instant resumedDue = scenario.dateVariable("responseDue");
        Instant resumedReminder = scenario.dateVariable("responseReminderAt");
        assertThat(resumedDue).isEqualTo(day(DAY_0, 22).plus(timeLeft));
        assertThat(scenario.instance()).isWaitingAt("Task_QualifyRequest");

        scenario.at(firstReminder).at(firstDue).at(firstDue.plus(A_MINUTE));
        assertThat(delegates.called()).doesNotContain("remindResponseDue", "escalateOverdue");

        scenario.at(resumedReminder).at(resumedDue);
        assertThat(delegates.timesOf("remindResponseDue")).containsExactly(resumedReminder);
        assertThat(delegates.timesOf("escalateOverdue")).containsExactly(resumedDue);
    }

    @Test
    @DisplayName("when the policy does not pause it, the clock runs through the complement")
    void notPausedDuringComplement() {
        scenario.start("access-request", REFERENCE, DAY_0, false);
        Instant due = scenario.dateVariable("responseDue");

        scenario.runDueJobs().at(day(DAY_0, 20)).qualify(true);
        scenario.at(due);

        assertThat(delegates.called()).doesNotContain("pauseResponseClock").endsWith("requestComplement",
                "remindResponseDue", "remindComplement", "escalateOverdue");
        assertThat(delegates.timesOf("escalateOverdue")).containsExactly(due);
        assertThat(scenario.instance()).isWaitingAt("Gateway_AwaitComplementAfterReminder",
                "Event_AwaitResponseWhenOverdue");

        scenario.at(day(DAY_0, 33)).correlate("ComplementReceived");
        assertThat(delegates.called()).doesNotContain("resumeResponseClock");
        assertThat(scenario.instance()).isWaitingAt("Task_QualifyRequest");
    }

    @Test
    @DisplayName("dates moved by the application through the API re-arm the clock on the new dates")
    void rearmedByTheApplication() {
        scenario.start("access-request", REFERENCE, DAY_0, false);
        scenario.runDueJobs();
        Instant newDue = TestPolicy.extended(scenario.firstResponseDue());
        Instant newReminder = TestPolicy.reminderBefore(newDue);

        engine.getRuntimeService().setVariables(scenario.instance().getId(), Map.of(
                "responseDue", TestPolicy.date(newDue), "responseReminderAt", TestPolicy.date(newReminder)));

        assertThat(scenario.instance()).hasPassed("Boundary_ResponseDueMoved");
        assertThat(scenario.jobs()).extracting(job -> job.getDuedate().toInstant())
                .containsExactlyInAnyOrder(newReminder, newDue);
    }

    @Test
    @DisplayName("an overdue clock is re-armed when the due date moves again (complement asked after the due date)")
    void rearmedAfterEscalation() {
        scenario.start("access-request", REFERENCE, DAY_0, true);
        Instant firstDue = scenario.dateVariable("responseDue");
        scenario.runDueJobs().at(firstDue);
        assertThat(delegates.called()).endsWith("remindResponseDue", "escalateOverdue");
        assertThat(scenario.timerActivities()).isEmpty();

        scenario.at(day(DAY_0, 33)).qualify(true);

        Instant pausedDue = scenario.dateVariable("responseDue");
        assertThat(pausedDue).isAfter(day(DAY_0, 33));
        assertThat(scenario.instance()).hasPassed("Boundary_ResponseDueMoved")
                .isWaitingAt("Gateway_AwaitComplement", "Timer_ResponseReminder", "Timer_ResponseDue");
        assertThat(scenario.timerActivities()).containsExactly("Timer_ComplementReminder", "Timer_ResponseDue",
                "Timer_ResponseReminder");
    }

    @Test
    @DisplayName("closure ends the clock: nothing fires on the due date of a closed case")
    void closureEndsTheClock() {
        scenario.start("access-request", REFERENCE, DAY_0, false);
        Instant due = scenario.dateVariable("responseDue");
        scenario.runDueJobs().at(day(DAY_0, 2)).qualify(false).search("FOUND")
                .complete("Task_ExtractAndMask", Map.of()).decide("REFUSAL");

        assertThat(scenario.instance()).hasPassed("Boundary_ResponseSent", "End_ResponseClockStopped",
                "ServiceTask_CloseCase").isWaitingAt("Timer_PersonalDataRetention");
        assertThat(scenario.timerActivities()).containsExactly("Timer_PersonalDataRetention");

        scenario.at(due.plus(Duration.ofDays(1)));
        assertThat(delegates.called()).doesNotContain("remindResponseDue", "escalateOverdue");
    }

    @Test
    @DisplayName("a copy answered in time but still downloadable after the due date is not escalated")
    void deliveryAfterDueDateIsNotOverdue() {
        scenario.start("access-request", REFERENCE, DAY_0, false);
        Instant due = scenario.dateVariable("responseDue");
        scenario.runDueJobs().at(day(DAY_0, 2)).qualify(false).search("FOUND")
                .complete("Task_ExtractAndMask", Map.of()).at(day(DAY_0, 25)).decide("GRANT_COPY");

        scenario.at(due.plus(Duration.ofDays(1)));

        assertThat(delegates.called()).contains("remindResponseDue").doesNotContain("escalateOverdue");
        assertThat(scenario.instance()).isWaitingAt("Timer_DeliveryExpiry");
        assertThat(scenario.timerActivities()).containsExactly("Timer_DeliveryExpiry");
    }
}
