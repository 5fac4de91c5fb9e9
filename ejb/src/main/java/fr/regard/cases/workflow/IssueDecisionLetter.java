package fr.regard.cases.workflow;

import fr.regard.cases.application.LetterSteps;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;

/** {@code issueDecisionLetter}: the answer letter of the DPO's decision. */
@Named("issueDecisionLetter")
@Dependent
public class IssueDecisionLetter implements JavaDelegate {

    @Inject
    LetterSteps letters;

    @Override
    public void execute(DelegateExecution execution) {
        letters.issueDecisionLetter(CaseVariables.caseId(execution));
    }
}
