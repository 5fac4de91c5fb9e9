package fr.regard.archive.domain;

/** What the case lifecycle asks of the recording archive. */
public enum ArchiveActionType {
    PLACE_HOLD("Gel des images demandées"),
    RELEASE_HOLDS("Levée des gels"),
    PRODUCE_EXTRACT("Production de l'extrait masqué et de son procès-verbal"),
    DESTROY_EXTRACT("Destruction de l'extrait"),
    CHECK_DESTRUCTION("Vérification de la destruction des images");

    private final String label;

    ArchiveActionType(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
