package fr.regard.cases.workflow;

import fr.regard.cases.application.LetterSteps;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;

/** {@code issueDestructionAttestation}: the attestation de destruction for the window. */
@Named("issueDestructionAttestation")
@Dependent
public class IssueDestructionAttestation implements JavaDelegate {

    @Inject
    LetterSteps letters;

    @Override
    public void execute(DelegateExecution execution) {
        letters.issueDestructionAttestation(CaseVariables.caseId(execution));
    }
}
