package fr.regard.archive.workflow;

import fr.regard.archive.application.PurgeCertificates;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;

/**
 * {@code issuePurgeCertificate}: issues the daily purge certificate of the closed batch, in the step's own job (after
 * the destruction committed): a failure is retried, then an incident, and never undoes the destruction. Nothing for a
 * batch another run took over (FAILED), nothing more for one whose certificate exists.
 */
@Named("issuePurgeCertificate")
@Dependent
public class IssuePurgeCertificate implements JavaDelegate {

    @Inject
    PurgeCertificates certificates;

    @Override
    public void execute(DelegateExecution execution) {
        certificates.issueFor(PurgeVariables.batchId(execution))
                .ifPresent(id -> execution.setVariable("certificateDocumentId", id));
    }
}
