package fr.regard.archive.application;

import fr.regard.archive.infrastructure.PurgeBatchReader;
import fr.regard.workflow.infrastructure.ProcessEngineBootstrap;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.camunda.bpm.engine.RuntimeService;

/**
 * What staff and auditors read about the purge: batches (newest first), one batch with its cameras, a closed batch's
 * destroyed segments for its manifest, and the purge's open incidents (failed jobs an administrator must look at).
 */
@ApplicationScoped
public class PurgeQueries {

    /** An open Camunda incident of a purge run: where it stopped, why, and the batch it was working on. */
    public record PurgeIncident(String id, String processInstanceId, String activityId, Instant at, String message,
                                Long batchId) {
    }

    @Inject
    PurgeBatchReader reader;

    @Inject
    ProcessEngineBootstrap engine;

    public List<PurgeBatchView> recent(int limit) {
        return reader.recent(limit);
    }

    public Optional<PurgeBatchView> batch(long id) {
        return reader.batch(id);
    }

    /** Streams a batch's destroyed segments in manifest order (the leaves of its Merkle tree). */
    public void destroyedSegments(long batchId, ManifestSegments sink) {
        reader.destroyedSegments(batchId, sink);
    }

    public List<PurgeIncident> openIncidents() {
        RuntimeService runtime = engine.engine().getRuntimeService();
        return runtime.createIncidentQuery().orderByIncidentTimestamp().desc().list().stream()
                .filter(i -> i.getProcessDefinitionId() != null
                        && i.getProcessDefinitionId().startsWith(FootagePurges.PROCESS + ":"))
                .map(i -> new PurgeIncident(i.getId(), i.getProcessInstanceId(), i.getActivityId(),
                        i.getIncidentTimestamp().toInstant(), i.getIncidentMessage(),
                        (Long) runtime.getVariable(i.getProcessInstanceId(), "batchId")))
                .toList();
    }
}
