package fr.regard.cases.workflow;

import fr.regard.cases.application.FootageSteps;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;

/** {@code destroyExtract}: destroys the case's extracts; idempotent. */
@Named("destroyExtract")
@Dependent
public class DestroyExtract implements JavaDelegate {

    @Inject
    FootageSteps footage;

    @Override
    public void execute(DelegateExecution execution) {
        footage.destroyExtract(CaseVariables.caseId(execution));
    }
}
