package fr.regard.journal.workflow;

import fr.regard.journal.application.JournalExports;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.logging.Logger;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;

/**
 * {@code issueDailyJournalExport}: exports the day before (Europe/Paris) once; a day already exported is left as it
 * is, so a second firing or a retried job issues nothing more. A failure is retried, then an incident.
 */
@Named("issueDailyJournalExport")
@Dependent
public class IssueDailyJournalExport implements JavaDelegate {

    private static final Logger LOG = Logger.getLogger(IssueDailyJournalExport.class.getName());

    @Inject
    JournalExports exports;

    @Inject
    JournalExportSchedule schedule;

    @Override
    public void execute(DelegateExecution execution) {
        if (!schedule.enabled()) {
            LOG.fine("Daily journal export disabled (regard.journal.export.daily=false)");
            return;
        }
        var day = exports.yesterday();
        execution.setVariable("exportDay", day.toString());
        exports.daily(day).ifPresent(d -> execution.setVariable("documentId", d.id()));
    }
}
