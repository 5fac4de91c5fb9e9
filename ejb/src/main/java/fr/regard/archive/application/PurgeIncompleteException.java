package fr.regard.archive.application;

/**
 * A purge slice could not destroy every expired segment (the archive refused some, or is unreachable). Thrown by the
 * slice's job after the rest is done and the error journalled, so that Camunda retries it and then raises an
 * incident an administrator sees.
 */
public class PurgeIncompleteException extends RuntimeException {

    public PurgeIncompleteException(long batchId, long notDestroyed, String lastError) {
        super("Purge incomplète (lot n° " + batchId + ") : " + notDestroyed + " segment(s) non détruit(s). "
                + (lastError == null ? "" : lastError));
    }
}
