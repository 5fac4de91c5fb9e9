package fr.regard.cases.workflow;

import fr.regard.cases.application.ResponseClockSteps;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;

/** {@code pauseResponseClock}: stops the answer period while a complement is awaited; moves both dates. */
@Named("pauseResponseClock")
@Dependent
public class PauseResponseClock implements JavaDelegate {

    @Inject
    ResponseClockSteps responseClock;

    @Override
    public void execute(DelegateExecution execution) {
        CaseVariables.setResponseDates(execution, responseClock.pause(CaseVariables.caseId(execution)));
    }
}
