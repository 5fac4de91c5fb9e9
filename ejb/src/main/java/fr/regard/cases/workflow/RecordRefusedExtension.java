package fr.regard.cases.workflow;

import fr.regard.cases.application.ResponseClockSteps;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;

/** {@code recordRefusedExtension}: journals the refused extension; the case is unchanged. */
@Named("recordRefusedExtension")
@Dependent
public class RecordRefusedExtension implements JavaDelegate {

    @Inject
    ResponseClockSteps responseClock;

    @Override
    public void execute(DelegateExecution execution) {
        responseClock.refuseExtension(CaseVariables.caseId(execution));
    }
}
