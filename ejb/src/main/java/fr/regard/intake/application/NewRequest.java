package fr.regard.intake.application;

import fr.regard.cases.domain.IntakeChannel;
import fr.regard.cases.domain.RequestKind;
import java.time.Instant;

/**
 * A request as a channel adapter read it (web form, REST, email, letter), before any rule is checked.
 * {@code receivedAt} is the legal receipt: arrival for the web and email, the avis de réception for a letter.
 */
public record NewRequest(
        RequestKind kind,
        IntakeChannel channel,
        String firstName,
        String lastName,
        String email,
        Instant factsStart,
        Instant factsEnd,
        String place,
        String description,
        Instant receivedAt) {
}
