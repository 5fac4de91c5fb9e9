package fr.regard.intake.application;

import fr.regard.cases.domain.IntakeChannel;
import fr.regard.cases.domain.RequestKind;
import java.time.Instant;
import java.util.List;

/**
 * A request as a channel adapter read it (web form, REST, email, letter), before any rule is checked.
 * {@code receivedAt} is the legal receipt: arrival for the web and email, the avis de réception for a letter.
 *
 * @param postalAddress        the requester's postal address lines (may be empty, except for a letter without e-mail)
 * @param language             the language of the letters, "fr" or "en" (null: French)
 * @param registeredMailNumber the number of the registered letter that brought a postal request (optional)
 */
public record NewRequest(
        RequestKind kind,
        IntakeChannel channel,
        String firstName,
        String lastName,
        String email,
        List<String> postalAddress,
        String language,
        Instant factsStart,
        Instant factsEnd,
        String place,
        String description,
        Instant receivedAt,
        String registeredMailNumber) {

    public NewRequest {
        postalAddress = postalAddress == null ? List.of() : postalAddress.stream().map(l -> l == null ? "" : l).toList();
    }

    /** A request with an e-mail address only, in French. */
    public NewRequest(RequestKind kind, IntakeChannel channel, String firstName, String lastName, String email,
                      Instant factsStart, Instant factsEnd, String place, String description, Instant receivedAt) {
        this(kind, channel, firstName, lastName, email, List.of(), null, factsStart, factsEnd, place, description,
                receivedAt, null);
    }
}
