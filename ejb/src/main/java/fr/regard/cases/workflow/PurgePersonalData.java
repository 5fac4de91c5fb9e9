package fr.regard.cases.workflow;

import fr.regard.cases.application.ClosureSteps;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;

/** {@code purgePersonalData}: purges the case's personal data. */
@Named("purgePersonalData")
@Dependent
public class PurgePersonalData implements JavaDelegate {

    @Inject
    ClosureSteps closure;

    @Override
    public void execute(DelegateExecution execution) {
        closure.purgePersonalData(CaseVariables.caseId(execution));
    }
}
