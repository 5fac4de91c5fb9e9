package fr.regard.archive.workflow;

import fr.regard.archive.application.FootagePurges;
import fr.regard.archive.domain.PurgeTrigger;
import fr.regard.archive.infrastructure.PurgeProtocol;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;

/** {@code openPurgeBatch}: opens the run's batch; {@code batchId} null (and {@code runningBatchId}) when one runs. */
@Named("openPurgeBatch")
@Dependent
public class OpenPurgeBatch implements JavaDelegate {

    @Inject
    FootagePurges purges;

    @Override
    public void execute(DelegateExecution execution) {
        PurgeTrigger trigger = PurgeVariables.trigger(execution);
        PurgeProtocol.Opening opening = purges.open(trigger, PurgeVariables.actor(execution),
                trigger == PurgeTrigger.ADMIN ? "admin" : "system", PurgeVariables.owner(execution));
        execution.setVariable(PurgeVariables.BATCH_ID, opening.batchId());
        execution.setVariable(PurgeVariables.RUNNING_BATCH_ID, opening.runningBatchId());
    }
}
