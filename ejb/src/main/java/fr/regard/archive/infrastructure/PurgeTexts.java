package fr.regard.archive.infrastructure;

import fr.regard.archive.domain.SegmentRef;

/** What the purge writes for people (journal purposes, batch failures, errors): French first. */
final class PurgeTexts {

    static final String PURPOSE = "Destruction des enregistrements arrivés au terme de leur durée de conservation "
            + "(CSI L252-5)";
    static final String INTERRUPTED = "Lot interrompu avant sa fin (arrêt ou panne du serveur) : repris par le lot "
            + "suivant, qui a terminé les destructions en cours. Les segments comptés ici ont été détruits par ce lot.";
    static final String UNKNOWN_ERROR = "Erreur inconnue pendant la purge.";

    private PurgeTexts() {
    }

    static String notDestroyed(SegmentRef segment, Exception cause) {
        return "Segment non détruit (" + segment.cameraId() + ", " + segment.start() + ") : l'archive a refusé la "
                + "destruction (" + cause.getMessage() + "). Il reste présent et sera retenté.";
    }
}
