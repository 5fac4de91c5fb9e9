package fr.regard.cases.workflow;

import fr.regard.cases.application.FootageSteps;
import fr.regard.workflow.application.ProcessVariables;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;

/** {@code checkDestruction}: sets {@code destructionStatus} and, when pending, {@code destructionDueAt}. */
@Named("checkDestruction")
@Dependent
public class CheckDestruction implements JavaDelegate {

    @Inject
    FootageSteps footage;

    @Override
    public void execute(DelegateExecution execution) {
        FootageSteps.DestructionCheck check = footage.checkDestruction(CaseVariables.caseId(execution));
        execution.setVariable(ProcessVariables.DESTRUCTION_STATUS, check.finding().name());
        if (check.dueAt() != null) {
            CaseVariables.setDate(execution, ProcessVariables.DESTRUCTION_DUE_AT, check.dueAt());
        }
    }
}
