package fr.regard.workflow.application;

import fr.regard.cases.domain.AccessCase;
import fr.regard.workflow.infrastructure.ProcessEngineBootstrap;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Date;
import java.util.Map;
import org.camunda.bpm.engine.runtime.ProcessInstance;

/**
 * The link between cases and their BPMN processes: one {@code access-request} instance per case, with the
 * case reference as business key. Process variables carry ids and dates only, never entities.
 */
@ApplicationScoped
public class CaseProcesses {

    public static final String ACCESS_REQUEST = "access-request";

    @Inject
    ProcessEngineBootstrap engine;

    /** Starts the case's process in the caller's transaction and returns its instance id. */
    public String startFor(AccessCase accessCase) {
        ProcessInstance instance = engine.engine().getRuntimeService().startProcessInstanceByKey(
                ACCESS_REQUEST,
                accessCase.reference().value(),
                Map.of(
                        "caseId", accessCase.id(),
                        "caseReference", accessCase.reference().value(),
                        "requestKind", accessCase.kind().name(),
                        "responseDue", Date.from(accessCase.deadlines().responseDue())));
        return instance.getId();
    }

    /** How many process instances carry this case (0 or 1), running or finished. */
    public long instancesFor(String reference) {
        return engine.engine().getHistoryService().createHistoricProcessInstanceQuery()
                .processInstanceBusinessKey(reference).count();
    }
}
