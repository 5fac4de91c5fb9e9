package fr.regard.workflow.application;

import fr.regard.cases.domain.AccessCase;
import fr.regard.cases.domain.CasePolicy;
import fr.regard.cases.domain.RequestKind;
import fr.regard.workflow.infrastructure.ProcessEngineBootstrap;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Date;
import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;

/**
 * The link between cases and their BPMN processes (docs/workflow.md): one instance per case, {@code access-request}
 * or {@code verify-destruction} by the request's kind, with the case reference as business key, and the messages the
 * application sends them. Process variables carry ids, codes and dates only, never entities or personal data.
 *
 * <p>Every call runs in the caller's JTA transaction. A failed engine command marks that transaction rollback-only,
 * so messages are sent only after checking that the process waits for them.
 */
@ApplicationScoped
public class CaseProcesses {

    public static final String ACCESS_REQUEST = "access-request";
    public static final String VERIFY_DESTRUCTION = "verify-destruction";
    /** Every process a case may run: the engine is ready when all are deployed. */
    public static final java.util.List<String> PROCESS_KEYS = java.util.List.of(ACCESS_REQUEST, VERIFY_DESTRUCTION);

    /** Messages of docs/workflow.md "Messages and errors". */
    public static final String COMPLEMENT_RECEIVED = "ComplementReceived";
    public static final String EXTENSION_REQUESTED = "ExtensionRequested";
    public static final String REQUEST_WITHDRAWN = "RequestWithdrawn";

    @Inject
    ProcessEngineBootstrap engine;

    @Inject
    CasePolicy policy;

    /**
     * Starts the case's process in the caller's transaction and returns its instance id. The process places the
     * hold synchronously ({@code placeFootageHold}), so the hold is committed with the case or not at all.
     */
    public String startFor(AccessCase accessCase) {
        Map<String, Object> variables = new HashMap<>();
        variables.put(ProcessVariables.CASE_ID, accessCase.id());
        variables.put(ProcessVariables.CASE_REFERENCE, accessCase.reference().value());
        variables.put(ProcessVariables.REQUEST_KIND, accessCase.kind().name());
        variables.put(ProcessVariables.RESPONSE_DUE, Date.from(accessCase.deadlines().responseDue()));
        variables.put(ProcessVariables.RESPONSE_REMINDER_AT, Date.from(accessCase.deadlines().responseReminderAt()));
        variables.put(ProcessVariables.PAUSE_CLOCK_DURING_COMPLEMENT, policy.pauseClockDuringComplement());
        ProcessInstance instance = engine().getRuntimeService().startProcessInstanceByKey(
                processFor(accessCase.kind()), accessCase.reference().value(), variables);
        return instance.getId();
    }

    public static String processFor(RequestKind kind) {
        return kind == RequestKind.VERIFY_DESTRUCTION ? VERIFY_DESTRUCTION : ACCESS_REQUEST;
    }

    /** Whether the case's running process waits for this message now (a wait state or an event sub-process). */
    public boolean awaits(String reference, String messageName) {
        return engine().getRuntimeService().createExecutionQuery()
                .processInstanceBusinessKey(reference)
                .messageEventSubscriptionName(messageName)
                .count() > 0;
    }

    /**
     * Sends a message to the case's process, which runs up to its next wait state in the caller's transaction.
     * Call {@link #awaits} first: a message nobody waits for fails the engine command, and the transaction with it.
     */
    public void send(String reference, String messageName) {
        engine().getRuntimeService().createMessageCorrelation(messageName)
                .processInstanceBusinessKey(reference)
                .correlate();
    }

    /** How many process instances carry this case (0 or 1), running or finished. */
    public long instancesFor(String reference) {
        return engine().getHistoryService().createHistoricProcessInstanceQuery()
                .processInstanceBusinessKey(reference).count();
    }

    private ProcessEngine engine() {
        return engine.engine();
    }
}
