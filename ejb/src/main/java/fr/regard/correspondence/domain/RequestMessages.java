package fr.regard.correspondence.domain;

import java.util.Optional;

/**
 * The Message-ID of the requester's own e-mail that opened a case, so that our letters answer it in the requester's
 * mailbox thread (In-Reply-To / References). The mail intake (fr.regard.mail.intake) records it and provides the
 * implementation as an {@code @Alternative @Priority} bean; the default, {@code NoRequestMessages}, knows none
 * (docs/mail.md "Letters by e-mail and by post").
 */
public interface RequestMessages {

    /** The Message-ID (with angle brackets) of the e-mail that opened the case, if it came by e-mail. */
    Optional<String> originalMessageId(String caseReference);
}
