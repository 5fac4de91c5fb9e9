package fr.regard.workflows;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;

import java.time.Instant;
import java.util.Date;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The access-request process on an in-memory engine (no server): scenarios of DOMAIN.md. */
@Deployment(resources = "access-request.bpmn")
class AccessRequestProcessTest {

    @RegisterExtension
    static ProcessEngineExtension engine = InMemoryEngine.extension();

    @Test
    @DisplayName("a received request waits for the DPO's qualification, due on the answer deadline")
    void receivedRequestWaitsForQualification() {
        Instant responseDue = Instant.parse("2026-12-28T22:59:59Z");
        ProcessInstance instance = engine.getRuntimeService().startProcessInstanceByKey("access-request",
                "DA-2026-000001", Map.of("caseId", 1L, "caseReference", "DA-2026-000001",
                        "requestKind", "ACCESS", "responseDue", Date.from(responseDue)));

        assertThat(instance).isStarted().isWaitingAt("Task_QualifyRequest");
        Task qualify = task(instance);
        assertThat(qualify).hasCandidateGroup("dpo");
        assertThat(qualify.getDueDate()).isEqualTo(Date.from(responseDue));
        assertThat(instance.getBusinessKey()).isEqualTo("DA-2026-000001");
    }

    @Test
    @DisplayName("once qualified the case closes (foundation slice)")
    void qualifiedRequestCloses() {
        ProcessInstance instance = engine.getRuntimeService().startProcessInstanceByKey("access-request",
                "DA-2026-000002", Map.of("caseId", 2L, "caseReference", "DA-2026-000002",
                        "requestKind", "ACCESS", "responseDue", new Date()));
        complete(task(instance));
        assertThat(instance).isEnded().hasPassed("EndEvent_CaseClosed");
        ProcessEngine pe = engine.getProcessEngine();
        assertThat(pe.getHistoryService().createHistoricProcessInstanceQuery()
                .processInstanceBusinessKey("DA-2026-000002").finished().count()).isEqualTo(1);
    }
}
