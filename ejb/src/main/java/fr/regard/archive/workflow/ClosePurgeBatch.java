package fr.regard.archive.workflow;

import fr.regard.archive.application.FootagePurges;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;

/** {@code closePurgeBatch}: closes the batch COMPLETED (nothing when another run took it over meanwhile). */
@Named("closePurgeBatch")
@Dependent
public class ClosePurgeBatch implements JavaDelegate {

    @Inject
    FootagePurges purges;

    @Override
    public void execute(DelegateExecution execution) {
        purges.close(PurgeVariables.batchId(execution), PurgeVariables.owner(execution));
    }
}
