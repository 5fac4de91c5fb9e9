package fr.regard.cases.workflow;

import fr.regard.cases.application.FootageSteps;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;

/** {@code placeFootageHold}: holds the requested footage, synchronously in the intake transaction (charter art. 3.2). */
@Named("placeFootageHold")
@Dependent
public class PlaceFootageHold implements JavaDelegate {

    @Inject
    FootageSteps footage;

    @Override
    public void execute(DelegateExecution execution) {
        footage.placeHold(CaseVariables.caseId(execution));
    }
}
