package fr.regard.cases.workflow;

import fr.regard.cases.application.FootageSteps;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;

/** {@code produceExtract}: the masked extract and its procès-verbal. */
@Named("produceExtract")
@Dependent
public class ProduceExtract implements JavaDelegate {

    @Inject
    FootageSteps footage;

    @Override
    public void execute(DelegateExecution execution) {
        footage.produceExtract(CaseVariables.caseId(execution));
    }
}
