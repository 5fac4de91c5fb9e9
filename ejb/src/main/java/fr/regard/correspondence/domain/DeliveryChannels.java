package fr.regard.correspondence.domain;

import fr.regard.cases.domain.IntakeChannel;

/**
 * Whether a letter may go to the requester by e-mail (docs/mail.md "Letters by e-mail and by post"): a request made
 * on the web form or by e-mail is answered by e-mail at the address given; a request made by letter is answered by
 * e-mail only if the requester gave an e-mail address in it (the postal address stays the channel otherwise). The
 * address must be one a mail server accepts. Everything else is posted.
 */
public final class DeliveryChannels {

    private DeliveryChannels() {
    }

    /** May the letters of a case received on {@code channel} be e-mailed to {@code requesterEmail}? */
    public static boolean byEmail(IntakeChannel channel, String requesterEmail, java.util.function.Predicate<String> valid) {
        if (channel == null || requesterEmail == null || requesterEmail.isBlank() || !valid.test(requesterEmail)) {
            return false;
        }
        return switch (channel) {
            case WEB, EMAIL -> true;
            case LETTER -> true; // the requester wrote their e-mail address in the letter: they accept mail there
        };
    }
}
