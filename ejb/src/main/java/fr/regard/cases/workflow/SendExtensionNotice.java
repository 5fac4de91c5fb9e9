package fr.regard.cases.workflow;

import fr.regard.cases.application.LetterSteps;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;

/** {@code sendExtensionNotice}: the notification de prolongation, with its reasons. */
@Named("sendExtensionNotice")
@Dependent
public class SendExtensionNotice implements JavaDelegate {

    @Inject
    LetterSteps letters;

    @Override
    public void execute(DelegateExecution execution) {
        letters.sendExtensionNotice(CaseVariables.caseId(execution));
    }
}
