package fr.regard.archive.domain;

/** Whether the archive did what was asked: holds are {@link #DONE}; extracts are not reachable yet. */
public enum ArchiveActionStatus {
    NOT_PERFORMED("À effectuer"),
    DONE("Effectuée");

    private final String label;

    ArchiveActionStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
