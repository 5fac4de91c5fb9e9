package fr.regard.archive.workflow;

import fr.regard.archive.application.FootagePurges;
import fr.regard.archive.application.PurgeIncompleteException;
import fr.regard.archive.infrastructure.PurgeProtocol;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;

/**
 * {@code destroyExpiredSegments}: one slice of the protocol; writes {@code purgeProgress}. Segments the archive refused
 * (already journalled by the protocol) or any other failure (journalled here, in a transaction of its own) make the
 * job fail: Camunda retries it, then raises an incident.
 */
@Named("destroyExpiredSegments")
@Dependent
public class DestroyExpiredSegments implements JavaDelegate {

    @Inject
    FootagePurges purges;

    @Override
    public void execute(DelegateExecution execution) {
        long batchId = PurgeVariables.batchId(execution);
        PurgeProtocol.Slice slice;
        try {
            slice = purges.destroy(batchId, PurgeVariables.owner(execution));
        } catch (RuntimeException e) {
            try {
                purges.recordFailure(batchId, "Échec de la purge : " + e.getMessage());
            } catch (RuntimeException journalDown) {
                e.addSuppressed(journalDown); // the job still fails with its own cause, and is retried
            }
            throw e;
        }
        if (slice.notDestroyed() > 0 && slice.progress() != PurgeProtocol.Progress.LOST) {
            throw new PurgeIncompleteException(batchId, slice.notDestroyed(), slice.lastError());
        }
        execution.setVariable(PurgeVariables.PROGRESS, slice.progress().name());
    }
}
