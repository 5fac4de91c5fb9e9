package fr.regard.cases.workflow;

import fr.regard.cases.domain.ResponseDates;
import fr.regard.workflow.application.ProcessVariables;
import java.time.Instant;
import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateExecution;

/** Reading and writing the process variables of docs/workflow.md from a delegate. */
final class CaseVariables {

    private CaseVariables() {
    }

    static long caseId(DelegateExecution execution) {
        Object value = execution.getVariable(ProcessVariables.CASE_ID);
        if (!(value instanceof Number id)) {
            throw new IllegalStateException("Process " + execution.getProcessInstanceId() + " has no caseId");
        }
        return id.longValue();
    }

    static void setDate(DelegateExecution execution, String name, Instant instant) {
        execution.setVariable(name, Date.from(instant));
    }

    /** Both dates together, as docs/workflow.md requires: the clock is re-armed once, on both. */
    static void setResponseDates(DelegateExecution execution, ResponseDates dates) {
        execution.setVariable(ProcessVariables.RESPONSE_DUE, Date.from(dates.responseDue()));
        execution.setVariable(ProcessVariables.RESPONSE_REMINDER_AT, Date.from(dates.reminderAt()));
    }
}
