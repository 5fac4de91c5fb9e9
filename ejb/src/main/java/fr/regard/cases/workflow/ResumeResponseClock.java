package fr.regard.cases.workflow;

import fr.regard.cases.application.ResponseClockSteps;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;

/** {@code resumeResponseClock}: the answer period runs again with the days that were left. */
@Named("resumeResponseClock")
@Dependent
public class ResumeResponseClock implements JavaDelegate {

    @Inject
    ResponseClockSteps responseClock;

    @Override
    public void execute(DelegateExecution execution) {
        CaseVariables.setResponseDates(execution, responseClock.resume(CaseVariables.caseId(execution)));
    }
}
