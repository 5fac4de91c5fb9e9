package fr.regard.archive.workflow;

import fr.regard.archive.domain.PurgeTrigger;
import org.camunda.bpm.engine.delegate.DelegateExecution;

/** The variables of footage-purge (docs/workflow.md): ids and codes only. */
final class PurgeVariables {

    static final String TRIGGER = "purgeTrigger";
    static final String ACTOR = "purgeActor";
    static final String BATCH_ID = "batchId";
    static final String RUNNING_BATCH_ID = "runningBatchId";
    static final String PROGRESS = "purgeProgress";

    private PurgeVariables() {
    }

    /** The daily timer sets nothing: it is the schedule, run by the system. */
    static PurgeTrigger trigger(DelegateExecution execution) {
        Object trigger = execution.getVariable(TRIGGER);
        return trigger == null ? PurgeTrigger.SCHEDULE : PurgeTrigger.valueOf((String) trigger);
    }

    static String actor(DelegateExecution execution) {
        Object actor = execution.getVariable(ACTOR);
        return actor == null ? "system" : (String) actor;
    }

    static long batchId(DelegateExecution execution) {
        return (Long) execution.getVariable(BATCH_ID);
    }

    /** The runner that owns the batch: the process instance (a retried job is the same runner). */
    static String owner(DelegateExecution execution) {
        return "process:" + execution.getProcessInstanceId();
    }
}
