package fr.regard.cases.workflow;

import fr.regard.cases.application.ClosureSteps;
import fr.regard.workflow.application.ProcessVariables;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;

/** {@code closeCase}: closes the case; sets {@code personalDataPurgeAt}. */
@Named("closeCase")
@Dependent
public class CloseCase implements JavaDelegate {

    @Inject
    ClosureSteps closure;

    @Override
    public void execute(DelegateExecution execution) {
        CaseVariables.setDate(execution, ProcessVariables.PERSONAL_DATA_PURGE_AT,
                closure.close(CaseVariables.caseId(execution)));
    }
}
