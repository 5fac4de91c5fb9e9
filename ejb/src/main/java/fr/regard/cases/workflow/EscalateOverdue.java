package fr.regard.cases.workflow;

import fr.regard.cases.application.ResponseClockSteps;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;

/** {@code escalateOverdue}: flags the case overdue. */
@Named("escalateOverdue")
@Dependent
public class EscalateOverdue implements JavaDelegate {

    @Inject
    ResponseClockSteps responseClock;

    @Override
    public void execute(DelegateExecution execution) {
        responseClock.escalateOverdue(CaseVariables.caseId(execution));
    }
}
