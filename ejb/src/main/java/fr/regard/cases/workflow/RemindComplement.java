package fr.regard.cases.workflow;

import fr.regard.cases.application.LetterSteps;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;

/** {@code remindComplement}: reminds the requester of the complement they owe. */
@Named("remindComplement")
@Dependent
public class RemindComplement implements JavaDelegate {

    @Inject
    LetterSteps letters;

    @Override
    public void execute(DelegateExecution execution) {
        letters.remindComplement(CaseVariables.caseId(execution));
    }
}
