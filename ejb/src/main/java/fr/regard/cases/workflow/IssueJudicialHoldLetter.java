package fr.regard.cases.workflow;

import fr.regard.cases.application.LetterSteps;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;

/** {@code issueJudicialHoldLetter}: the letter saying the footage is kept for judicial proceedings. */
@Named("issueJudicialHoldLetter")
@Dependent
public class IssueJudicialHoldLetter implements JavaDelegate {

    @Inject
    LetterSteps letters;

    @Override
    public void execute(DelegateExecution execution) {
        letters.issueJudicialHoldLetter(CaseVariables.caseId(execution));
    }
}
