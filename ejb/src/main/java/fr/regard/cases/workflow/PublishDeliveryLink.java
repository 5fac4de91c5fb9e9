package fr.regard.cases.workflow;

import fr.regard.cases.application.LetterSteps;
import fr.regard.workflow.application.ProcessVariables;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;

/** {@code publishDeliveryLink}: makes the masked copy available; sets {@code deliveryExpiresAt}. */
@Named("publishDeliveryLink")
@Dependent
public class PublishDeliveryLink implements JavaDelegate {

    @Inject
    LetterSteps letters;

    @Override
    public void execute(DelegateExecution execution) {
        CaseVariables.setDate(execution, ProcessVariables.DELIVERY_EXPIRES_AT,
                letters.publishDeliveryLink(CaseVariables.caseId(execution)));
    }
}
