package fr.regard.cases.workflow;

import fr.regard.cases.application.FootageSteps;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;

/** {@code releaseHolds}: releases every hold of the case; idempotent. */
@Named("releaseHolds")
@Dependent
public class ReleaseHolds implements JavaDelegate {

    @Inject
    FootageSteps footage;

    @Override
    public void execute(DelegateExecution execution) {
        footage.releaseHolds(CaseVariables.caseId(execution));
    }
}
