package fr.regard.workflows;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Date;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Incident;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The footage-purge process (docs/workflow.md "Purge of expired footage"): a timer starts a run every day, a run
 * opens its batch synchronously, destroys by slices (one job each) until done, closes the batch; a run that finds
 * another one running ends at once; a failing slice is retried on the application's cycle, then becomes an incident.
 */
@Deployment(resources = "footage-purge.bpmn")
class FootagePurgeProcessTest {

    private static final Instant MORNING = Instant.parse("2026-11-20T10:00:00Z");

    @RegisterExtension
    static ProcessEngineExtension engine = InMemoryEngine.extension();

    /** What the application's {@code footagePurgeSchedule} bean gives the BPMN (a JavaBean for the expressions). */
    public static final class Schedule {
        public String getCycle() {
            return "0 0 3 * * ?";
        }

        public String getRetryCycle() {
            return "R3/PT5M";
        }
    }

    private final List<String> calls = new ArrayList<>();
    private final Deque<String> slices = new ArrayDeque<>();
    private Long openedBatch = 7L;
    private RuntimeException sliceFailure;
    private RuntimeException certificateFailure;

    @BeforeEach
    void standIns() {
        ClockUtil.setCurrentTime(Date.from(MORNING));
        Mocks.register("footagePurgeSchedule", new Schedule());
        Mocks.register("openPurgeBatch", (JavaDelegate) execution -> {
            calls.add("openPurgeBatch:" + execution.getVariable("purgeTrigger"));
            execution.setVariable("batchId", openedBatch);
        });
        Mocks.register("destroyExpiredSegments", (JavaDelegate) execution -> {
            calls.add("destroyExpiredSegments:" + execution.getVariable("batchId"));
            if (sliceFailure != null) {
                throw sliceFailure;
            }
            execution.setVariable("purgeProgress", slices.isEmpty() ? "DONE" : slices.pop());
        });
        Mocks.register("closePurgeBatch", (JavaDelegate) execution ->
                calls.add("closePurgeBatch:" + execution.getVariable("batchId")));
        Mocks.register("issuePurgeCertificate", (JavaDelegate) execution -> {
            calls.add("issuePurgeCertificate:" + execution.getVariable("batchId"));
            if (certificateFailure != null) {
                throw certificateFailure;
            }
        });
    }

    @AfterEach
    void reset() {
        Mocks.reset();
        ClockUtil.reset();
    }

    private ManagementService management() {
        return engine.getManagementService();
    }

    private Job timer() {
        return management().createJobQuery().timers().processDefinitionKey("footage-purge").singleResult();
    }

    private ProcessInstance instance() {
        return engine.getRuntimeService().createProcessInstanceQuery().processDefinitionKey("footage-purge")
                .singleResult();
    }

    /** Runs the due jobs of the process instances (not the daily timer) until none is left. */
    private void runSlices() {
        for (int i = 0; i < 20; i++) {
            List<Job> due = management().createJobQuery().processDefinitionKey("footage-purge").executable()
                    .list().stream().filter(job -> job.getProcessInstanceId() != null).toList();
            if (due.isEmpty()) {
                return;
            }
            management().executeJob(due.get(0).getId());
        }
        throw new IllegalStateException("the purge loops");
    }

    @Test
    @DisplayName("the timer fires every day at the configured time; a run destroys slice by slice, then closes")
    void dailyRun() {
        Job timer = timer();
        assertThat(timer.getDuedate()).isEqualTo(Date.from(Instant.parse("2026-11-21T03:00:00Z")));
        slices.addAll(List.of("MORE", "MORE"));

        ClockUtil.setCurrentTime(Date.from(Instant.parse("2026-11-21T03:00:01Z")));
        management().executeJob(timer.getId());
        ProcessInstance run = instance();
        assertThat(run).isWaitingAt("ServiceTask_DestroyExpiredSegments");
        assertThat(calls).containsExactly("openPurgeBatch:null");
        runSlices();

        assertThat(calls).containsExactly("openPurgeBatch:null", "destroyExpiredSegments:7",
                "destroyExpiredSegments:7", "destroyExpiredSegments:7", "closePurgeBatch:7", "issuePurgeCertificate:7");
        assertThat(run).isEnded().hasPassed("End_Purged");
        assertThat(timer().getDuedate()).as("tomorrow's run")
                .isEqualTo(Date.from(Instant.parse("2026-11-22T03:00:00Z")));
    }

    @Test
    @DisplayName("started on demand with a trigger; when a batch is already running the run ends at once")
    void alreadyRunning() {
        openedBatch = null;
        ProcessInstance run = engine.getRuntimeService().startProcessInstanceByMessage("PurgeRequested",
                Map.of("purgeTrigger", "ADMIN", "purgeActor", "admin1"));

        assertThat(run).isEnded().hasPassed("End_AlreadyRunning").hasNotPassed("ServiceTask_DestroyExpiredSegments");
        assertThat(calls).containsExactly("openPurgeBatch:ADMIN");
    }

    @Test
    @DisplayName("a batch taken over by another run ends without closing it")
    void takenOver() {
        slices.add("LOST");
        ProcessInstance run = engine.getRuntimeService().startProcessInstanceByMessage("PurgeRequested",
                Map.of("purgeTrigger", "CATCH_UP"));
        runSlices();

        assertThat(run).isEnded().hasPassed("End_TakenOver").hasNotPassed("ServiceTask_ClosePurgeBatch");
        assertThat(calls).containsExactly("openPurgeBatch:CATCH_UP", "destroyExpiredSegments:7");
    }

    @Test
    @DisplayName("a failing slice is retried three times, five minutes apart, then becomes an incident")
    void failureBecomesIncident() {
        sliceFailure = new IllegalStateException("archive unreachable");
        ProcessInstance run = engine.getRuntimeService().startProcessInstanceByMessage("PurgeRequested",
                Map.of("purgeTrigger", "ADMIN"));
        Job slice = management().createJobQuery().processInstanceId(run.getId()).singleResult();

        int attempts = 0;
        Instant now = MORNING;
        while (management().createJobQuery().processInstanceId(run.getId()).singleResult().getRetries() > 0) {
            assertThatThrownBy(() -> management().executeJob(slice.getId())).hasMessageContaining("archive unreachable");
            attempts++;
            Job failed = management().createJobQuery().processInstanceId(run.getId()).singleResult();
            if (failed.getRetries() > 0) {
                assertThat(failed.getDuedate()).isEqualTo(Date.from(now.plusSeconds(300)));
                now = now.plusSeconds(300);
                ClockUtil.setCurrentTime(Date.from(now));
            }
        }

        assertThat(attempts).isEqualTo(3);
        Incident incident = engine.getRuntimeService().createIncidentQuery().processInstanceId(run.getId())
                .singleResult();
        assertThat(incident.getActivityId()).isEqualTo("ServiceTask_DestroyExpiredSegments");
        assertThat(incident.getIncidentMessage()).contains("archive unreachable");
        assertThat(run).isWaitingAt("ServiceTask_DestroyExpiredSegments");

        // the administrator fixes the archive and retries: the same batch goes on, nothing is destroyed twice
        sliceFailure = null;
        management().setJobRetries(slice.getId(), 1);
        ClockUtil.setCurrentTime(Date.from(now.plusSeconds(3600)));
        runSlices();
        assertThat(run).isEnded().hasPassed("End_Purged");
        assertThat(calls).endsWith("destroyExpiredSegments:7", "closePurgeBatch:7", "issuePurgeCertificate:7");
    }

    @Test
    @DisplayName("the certificate is issued in a job of its own: its failure is retried, then an incident, after the close")
    void certificateFailureBecomesIncidentAfterTheClose() {
        certificateFailure = new IllegalStateException("timestamp authority unreachable");
        ProcessInstance run = engine.getRuntimeService().startProcessInstanceByMessage("PurgeRequested",
                Map.of("purgeTrigger", "ADMIN"));
        for (int i = 0; i < 20; i++) {
            Job job = management().createJobQuery().processInstanceId(run.getId()).executable().singleResult();
            if (job == null) {
                break;
            }
            try {
                management().executeJob(job.getId());
            } catch (IllegalStateException e) {
                assertThat(e).hasMessageContaining("timestamp authority unreachable");
            }
            ClockUtil.setCurrentTime(Date.from(ClockUtil.getCurrentTime().toInstant().plusSeconds(300)));
        }

        Incident incident = engine.getRuntimeService().createIncidentQuery().processInstanceId(run.getId())
                .singleResult();
        assertThat(incident.getActivityId()).isEqualTo("ServiceTask_IssuePurgeCertificate");
        assertThat(run).isWaitingAt("ServiceTask_IssuePurgeCertificate");
        assertThat(calls).containsExactly("openPurgeBatch:ADMIN", "destroyExpiredSegments:7", "closePurgeBatch:7",
                "issuePurgeCertificate:7", "issuePurgeCertificate:7", "issuePurgeCertificate:7");

        certificateFailure = null;
        Job job = management().createJobQuery().processInstanceId(run.getId()).singleResult();
        management().setJobRetries(job.getId(), 1);
        runSlices();
        assertThat(run).isEnded().hasPassed("End_Purged");
        assertThat(calls).endsWith("closePurgeBatch:7", "issuePurgeCertificate:7", "issuePurgeCertificate:7",
                "issuePurgeCertificate:7", "issuePurgeCertificate:7");
    }
}
