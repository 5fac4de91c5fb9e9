package fr.regard.cases.workflow;

import fr.regard.cases.application.ResponseClockSteps;
import fr.regard.cases.domain.ResponseDates;
import org.camunda.bpm.engine.delegate.BpmnError;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;

/** {@code grantExtension}: extends the answer period by the policy's months, or throws {@code EXTENSION_TOO_LATE}. */
@Named("grantExtension")
@Dependent
public class GrantExtension implements JavaDelegate {

    /** Error code caught by the boundary event "Premier mois écoulé" (docs/workflow.md). */
    static final String EXTENSION_TOO_LATE = "EXTENSION_TOO_LATE";

    @Inject
    ResponseClockSteps responseClock;

    @Override
    public void execute(DelegateExecution execution) {
        ResponseDates dates = responseClock.grantExtension(CaseVariables.caseId(execution))
                .orElseThrow(() -> new BpmnError(EXTENSION_TOO_LATE, "the first answer period has ended"));
        CaseVariables.setResponseDates(execution, dates);
    }
}
