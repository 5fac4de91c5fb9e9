package fr.regard.mail.content;

import java.time.LocalDate;
import java.util.List;

/**
 * Suggestions of facts (date, time, place, camera) read in a requester's free text, for the DPO to confirm or
 * discard: never applied to a case without a human. See {@link FrenchFactExtractor}.
 */
public interface FactSuggestions {

    /**
     * @param frenchText  the text (a mail body, a letter's transcription, a form's free field); null gives nothing
     * @param receivedOn  the day the text was received (Europe/Paris): dates without a year and "hier" count from it
     * @param knownPlaces the camera registry, matched by id and by label
     * @return the suggestions, in the order of the text
     */
    List<Suggestion> suggest(String frenchText, LocalDate receivedOn, List<KnownPlace> knownPlaces);
}
