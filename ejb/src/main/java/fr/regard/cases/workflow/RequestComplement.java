package fr.regard.cases.workflow;

import fr.regard.cases.application.LetterSteps;
import fr.regard.cases.domain.ComplementDates;
import fr.regard.workflow.application.ProcessVariables;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;

/** {@code requestComplement}: the demande de complément; sets {@code complementReminderAt} and {@code complementDeadline}. */
@Named("requestComplement")
@Dependent
public class RequestComplement implements JavaDelegate {

    @Inject
    LetterSteps letters;

    @Override
    public void execute(DelegateExecution execution) {
        ComplementDates dates = letters.requestComplement(CaseVariables.caseId(execution));
        CaseVariables.setDate(execution, ProcessVariables.COMPLEMENT_REMINDER_AT, dates.reminderAt());
        CaseVariables.setDate(execution, ProcessVariables.COMPLEMENT_DEADLINE, dates.deadline());
    }
}
