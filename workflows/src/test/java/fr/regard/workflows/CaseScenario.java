package fr.regard.workflows;

import java.time.Instant;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.assertj.core.api.Assertions;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;

/**
 * One case driven through a process the way the application and time would drive it: start with the
 * application's variables, complete tasks, correlate messages, move the engine clock and run the jobs that are due
 * (the job executor is off). Delegates are the {@link DelegateStandIns}.
 */
final class CaseScenario {

    /** Monday 2 March 2026, 09:00 in Paris: "day 0" of every scenario unless it says otherwise. */
    static final Instant DAY_0 = Instant.parse("2026-03-02T08:00:00Z");
    private static final int MAX_JOBS = 200;

    private final ProcessEngineExtension engine;
    private final DelegateStandIns delegates;
    private ProcessInstance instance;
    private Instant receivedAt;
    private Instant firstResponseDue;

    CaseScenario(ProcessEngineExtension engine, DelegateStandIns delegates) {
        this.engine = engine;
        this.delegates = delegates;
    }

    /** The application starts the case's process at receipt, in the intake transaction. */
    ProcessInstance start(String processKey, String reference, Instant receivedAt, boolean pauseClockDuringComplement) {
        this.receivedAt = receivedAt;
        this.firstResponseDue = TestPolicy.responseDueFor(receivedAt);
        delegates.firstMonthEnds(firstResponseDue);
        ClockUtil.setCurrentTime(Date.from(receivedAt));
        Map<String, Object> variables = new HashMap<>();
        variables.put("caseId", Long.valueOf(reference.substring(reference.lastIndexOf('-') + 1)));
        variables.put("caseReference", reference);
        variables.put("requestKind", processKey.equals("access-request") ? "ACCESS" : "VERIFY_DESTRUCTION");
        variables.put("responseDue", Date.from(firstResponseDue));
        variables.put("responseReminderAt", Date.from(TestPolicy.reminderBefore(firstResponseDue)));
        variables.put("pauseClockDuringComplement", pauseClockDuringComplement);
        instance = runtime().startProcessInstanceByKey(processKey, reference, variables);
        return instance;
    }

    ProcessInstance instance() {
        return instance;
    }

    Instant receivedAt() {
        return receivedAt;
    }

    Instant firstResponseDue() {
        return firstResponseDue;
    }

    /** Moves the engine clock and runs every job due by then (timers and asynchronous continuations). */
    CaseScenario at(Instant instant) {
        ClockUtil.setCurrentTime(Date.from(instant));
        return runDueJobs();
    }

    CaseScenario runDueJobs() {
        for (int i = 0; i < MAX_JOBS; i++) {
            List<Job> due = management().createJobQuery().processInstanceId(instance.getId()).executable()
                    .orderByJobDuedate().asc().listPage(0, 1);
            if (due.isEmpty()) {
                return this;
            }
            management().executeJob(due.get(0).getId());
        }
        throw new IllegalStateException("more than " + MAX_JOBS + " jobs: the process loops");
    }

    Task task(String taskDefinitionKey) {
        return tasks().createTaskQuery().processInstanceId(instance.getId()).taskDefinitionKey(taskDefinitionKey)
                .singleResult();
    }

    CaseScenario complete(String taskDefinitionKey, Map<String, Object> variables) {
        Task task = task(taskDefinitionKey);
        if (task == null) {
            throw new IllegalStateException("no open task " + taskDefinitionKey);
        }
        tasks().complete(task.getId(), variables);
        return runDueJobs();
    }

    /** The DPO qualifies the request: identity and precision checked, GDPR regime, inside the charter window. */
    CaseScenario qualify(boolean complementNeeded) {
        return complete("Task_QualifyRequest", Map.of(
                "identityDoubt", complementNeeded,
                "precise", !complementNeeded,
                "withinCharterWindow", true,
                "regime", "GDPR_ART15",
                "complementNeeded", complementNeeded));
    }

    CaseScenario search(String outcome) {
        return complete("Task_SearchFootage", Map.of("searchOutcome", outcome));
    }

    CaseScenario decide(String decision) {
        return complete("Task_Decide", Map.of("decision", decision));
    }

    /** The application routes a message to this case (business key = case reference). */
    CaseScenario correlate(String messageName) {
        runtime().createMessageCorrelation(messageName).processInstanceBusinessKey(instance.getBusinessKey())
                .correlate();
        return runDueJobs();
    }

    Instant dateVariable(String name) {
        return ((Date) runtime().getVariable(instance.getId(), name)).toInstant();
    }

    List<Job> jobs() {
        return management().createJobQuery().processInstanceId(instance.getId()).list();
    }

    /** Timer jobs of this case, by the activity that waits on them. */
    List<String> timerActivities() {
        return management().createJobQuery().processInstanceId(instance.getId()).timers().list().stream()
                .map(job -> management().createJobDefinitionQuery().jobDefinitionId(job.getJobDefinitionId())
                        .singleResult().getActivityId())
                .sorted().toList();
    }

    long openTasks() {
        return tasks().createTaskQuery().processInstanceId(instance.getId()).count();
    }

    long eventSubscriptions() {
        return runtime().createEventSubscriptionQuery().processInstanceId(instance.getId()).count();
    }

    /** The process ended at the given end event and left nothing behind: no task, job, timer or subscription. */
    void assertEndedCleanlyAt(String endEventId) {
        BpmnAwareTests.assertThat(instance).isEnded().hasPassed(endEventId);
        Assertions.assertThat(jobs()).as("jobs and timers left").isEmpty();
        Assertions.assertThat(openTasks()).as("open tasks").isZero();
        Assertions.assertThat(eventSubscriptions()).as("message or conditional subscriptions").isZero();
    }

    private RuntimeService runtime() {
        return engine.getRuntimeService();
    }

    private TaskService tasks() {
        return engine.getTaskService();
    }

    private ManagementService management() {
        return engine.getManagementService();
    }
}
