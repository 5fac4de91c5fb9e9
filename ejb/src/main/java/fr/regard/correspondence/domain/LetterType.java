package fr.regard.correspondence.domain;

/** The letters Regard addresses to a requester (DOMAIN.md "Documents"), with their French titles. */
public enum LetterType {
    ACKNOWLEDGEMENT("Accusé de réception"),
    COMPLEMENT_REQUEST("Demande de complément"),
    COMPLEMENT_REMINDER("Relance : complément attendu"),
    CLOSURE_MISSING_COMPLEMENT("Clôture de la demande faute de complément"),
    EXTENSION_NOTICE("Notification de prolongation du délai de réponse"),
    RESPONSE_COPY("Réponse : communication des images (lien de téléchargement)"),
    VIEWING_INVITATION("Convocation au visionnage sur place"),
    PARTIAL_RESPONSE("Réponse : communication partielle et refus motivé pour le surplus"),
    REFUSAL("Refus motivé"),
    NO_DATA("Réponse : aucune image vous concernant"),
    FOOTAGE_DESTROYED("Réponse : images détruites"),
    DESTRUCTION_ATTESTATION("Attestation de destruction"),
    JUDICIAL_HOLD("Réponse : images conservées pour une procédure judiciaire"),
    WITHDRAWAL_ACKNOWLEDGEMENT("Accusé de réception du retrait de la demande");

    private final String title;

    LetterType(String title) {
        this.title = title;
    }

    /** The French title of the letter, as the requester reads it. */
    public String title() {
        return title;
    }
}
