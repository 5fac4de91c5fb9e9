package fr.regard.archive.application;

/** A purge was asked while another batch is running (one at a time across the cluster). */
public class PurgeAlreadyRunningException extends RuntimeException {

    private final Long runningBatchId;

    public PurgeAlreadyRunningException(Long runningBatchId) {
        super("Une purge est déjà en cours" + (runningBatchId == null ? "." : " (lot n° " + runningBatchId + ")."));
        this.runningBatchId = runningBatchId;
    }

    public Long runningBatchId() {
        return runningBatchId;
    }
}
