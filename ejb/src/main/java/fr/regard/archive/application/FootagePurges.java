package fr.regard.archive.application;

import fr.regard.archive.domain.FootageRetention;
import fr.regard.archive.domain.PurgeTrigger;
import fr.regard.archive.domain.RecordingArchive;
import fr.regard.archive.infrastructure.ContainerTransactions;
import fr.regard.archive.infrastructure.PurgeConfiguration;
import fr.regard.archive.infrastructure.PurgeProtocol;
import fr.regard.cases.domain.CasePolicy;
import fr.regard.journal.domain.Journal;
import fr.regard.workflow.infrastructure.ProcessEngineBootstrap;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.runtime.MessageCorrelationResultWithVariables;

/**
 * The purge of expired footage as the application runs it (docs/archive.md "Purge"): the steps the footage-purge
 * process calls (open a batch, destroy a slice, close), and starting a run now. Retention: each camera's
 * authorisation capped by the policy ({@code regard.policy.retention-days}).
 */
@ApplicationScoped
public class FootagePurges {

    /** Process of one purge run, and the message that starts one on demand. */
    public static final String PROCESS = "footage-purge";
    public static final String RUN_REQUESTED = "PurgeRequested";

    @Inject
    ContainerTransactions transactions;

    @Inject
    RecordingArchive archive;

    @Inject
    Journal journal;

    @Inject
    CasePolicy policy;

    @Inject
    PurgeConfiguration configuration;

    @Inject
    ProcessEngineBootstrap engine;

    Clock clock = Clock.systemUTC();

    private PurgeProtocol protocol() {
        return new PurgeProtocol(transactions, archive, (connection, event) -> journal.record(event), clock,
                configuration.settings());
    }

    public PurgeProtocol.Opening open(PurgeTrigger trigger, String actor, String role, String owner) {
        return protocol().open(trigger, actor, role, owner, new FootageRetention(policy.retentionDays()));
    }

    public PurgeProtocol.Slice destroy(long batchId, String owner) {
        return protocol().destroy(batchId, owner);
    }

    public PurgeProtocol.Closed close(long batchId, String owner) {
        return protocol().close(batchId, owner);
    }

    /** Journals a failed slice (its job's transaction is rolled back) before Camunda retries it. */
    public void recordFailure(long batchId, String error) {
        protocol().recordFailure(batchId, error);
    }

    /**
     * Starts a run now (footage-purge, message start) and returns the batch it opened.
     *
     * @throws PurgeAlreadyRunningException when another batch is running; nothing is started then
     */
    @Transactional(Transactional.TxType.REQUIRED)
    public long runNow(PurgeTrigger trigger, String actor) {
        Map<String, Object> variables = new HashMap<>();
        variables.put("purgeTrigger", trigger.name());
        variables.put("purgeActor", actor);
        MessageCorrelationResultWithVariables started = engine.engine().getRuntimeService()
                .createMessageCorrelation(RUN_REQUESTED).setVariables(variables).correlateWithResultAndVariables(true);
        Object batchId = started.getVariables().get("batchId");
        if (batchId == null) {
            throw new PurgeAlreadyRunningException((Long) started.getVariables().get("runningBatchId"));
        }
        return (Long) batchId;
    }
}
