package fr.regard.archive.domain;

/** Where an extract stands; see {@link FootageExtract} for the transitions. French labels for staff screens. */
public enum ExtractStatus {
    QUEUED("En attente"),
    RUNNING("En cours"),
    DONE("Terminé"),
    FAILED("Échec"),
    CANCELLED("Annulé"),
    DESTROYED("Détruit");

    private final String label;

    ExtractStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** Whether the extract will not change any more by itself (only a DONE one can still be destroyed). */
    public boolean isFinished() {
        return this != QUEUED && this != RUNNING;
    }
}
