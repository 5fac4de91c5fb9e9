package fr.regard.mail.content;

/**
 * What a delivery failure report says, each field null when the report does not say it.
 *
 * @param originalMessageId the Message-ID (no angle brackets) of the message that failed: from the report's
 *                          message/rfc822 or text/rfc822-headers part, else from In-Reply-To or References
 * @param failedRecipient   the address that could not be reached (lower case)
 * @param status            the RFC 3463 status code, e.g. {@code 5.1.1}
 * @param diagnostic        the remote server's words, e.g. {@code smtp; 550 5.1.1 User unknown}
 */
public record BounceInfo(String originalMessageId, String failedRecipient, String status, String diagnostic) {

    /** A 5.x.x status: the address will not work, retrying is useless. */
    public boolean permanent() {
        return status != null && status.startsWith("5");
    }
}
