package fr.regard.cases.workflow;

import fr.regard.cases.application.ClosureSteps;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;

/** {@code closeForMissingComplement}: closure letter, holds released, case closed. */
@Named("closeForMissingComplement")
@Dependent
public class CloseForMissingComplement implements JavaDelegate {

    @Inject
    ClosureSteps closure;

    @Override
    public void execute(DelegateExecution execution) {
        closure.closeForMissingComplement(CaseVariables.caseId(execution));
    }
}
