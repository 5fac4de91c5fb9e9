package fr.regard.archive.application;

import fr.regard.archive.domain.FootageHold;
import fr.regard.archive.domain.HoldKind;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Collection;
import java.util.Locale;

/** The French texts about holds that the DPO, operators and auditors read (notes, reasons, flags). */
final class HoldTexts {

    static final String CASE_REASON = "Préservation des images demandées (charte art. 3.2)";
    static final String FACTS_CONFIRMED_REASON = "Faits précisés par le DPO : le gel provisoire (toute la durée de "
            + "conservation, toutes caméras) est remplacé par le gel de la période confirmée";
    static final String CLOSURE_REASON = "Fin de la préservation des images du dossier (dossier clôturé ou retiré)";

    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    private static final DateTimeFormatter DAY_TIME = DateTimeFormatter.ofPattern("d/MM/yyyy HH:mm", Locale.FRENCH);
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d/MM/yyyy", Locale.FRENCH);

    String paris(Instant instant) {
        return DAY_TIME.format(instant.atZone(PARIS));
    }

    String window(Instant start, Instant end) {
        return "du " + paris(start) + " au " + paris(end) + " (heure de Paris)";
    }

    /** What a case placement held, for the archive action's note. */
    String placedNote(int held, boolean allCameras, Instant start, Instant end, Collection<String> unknown) {
        StringBuilder note = new StringBuilder("Gel posé sur ").append(held).append(held > 1 ? " caméras" : " caméra");
        if (allCameras) {
            note.append(" (toutes les caméras du registre : le lieu n'est pas encore rapproché des caméras ; "
                    + "un opérateur réduira le périmètre après la recherche)");
        }
        note.append(", ").append(window(start, end)).append('.');
        if (!unknown.isEmpty()) {
            note.append(" Caméras inconnues du registre, non gelées : ").append(String.join(", ", unknown)).append('.');
        }
        return note.toString();
    }

    String nothingHeldNote() {
        return "Aucun gel posé : le registre des caméras est vide. À traiter sans délai par un opérateur habilité du "
                + "CSU (charte art. 3.2).";
    }

    String releasedNote(int released) {
        return released == 0 ? "Aucun gel actif à lever pour ce dossier."
                : "Gel levé sur " + released + (released > 1 ? " caméras." : " caméra.");
    }

    String flagNote(FootageHold hold) {
        String day = DAY.format(hold.limitAt().atZone(PARIS));
        return hold.kind() == HoldKind.CASE
                ? "À réexaminer : gel maintenu au-delà de la durée maximale de traitement du dossier (" + day + ")."
                : "À réexaminer : réquisition " + hold.requisitionReference() + " à vérifier auprès de l'autorité "
                        + "requérante (revue prévue le " + day + ").";
    }
}
