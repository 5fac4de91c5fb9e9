package fr.regard.cases.workflow;

import fr.regard.cases.application.LetterSteps;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;

/** {@code sendAcknowledgement}: the accusé de réception. */
@Named("sendAcknowledgement")
@Dependent
public class SendAcknowledgement implements JavaDelegate {

    @Inject
    LetterSteps letters;

    @Override
    public void execute(DelegateExecution execution) {
        letters.acknowledge(CaseVariables.caseId(execution));
    }
}
