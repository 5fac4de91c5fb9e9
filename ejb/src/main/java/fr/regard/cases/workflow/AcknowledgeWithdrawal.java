package fr.regard.cases.workflow;

import fr.regard.cases.application.LetterSteps;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;

/** {@code acknowledgeWithdrawal}: acknowledges the withdrawal to the requester. */
@Named("acknowledgeWithdrawal")
@Dependent
public class AcknowledgeWithdrawal implements JavaDelegate {

    @Inject
    LetterSteps letters;

    @Override
    public void execute(DelegateExecution execution) {
        letters.acknowledgeWithdrawal(CaseVariables.caseId(execution));
    }
}
