package fr.regard.cases.workflow;

import fr.regard.cases.application.ResponseClockSteps;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;

/** {@code remindResponseDue}: reminds the DPO queue of the coming deadline. */
@Named("remindResponseDue")
@Dependent
public class RemindResponseDue implements JavaDelegate {

    @Inject
    ResponseClockSteps responseClock;

    @Override
    public void execute(DelegateExecution execution) {
        responseClock.remindDue(CaseVariables.caseId(execution));
    }
}
