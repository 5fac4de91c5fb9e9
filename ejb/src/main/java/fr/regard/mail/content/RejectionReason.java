package fr.regard.mail.content;

/** Why a message was rejected instead of parsed. */
public enum RejectionReason {
    /** Not a readable message: empty, no sender, broken structure. */
    MALFORMED,
    /** Larger than {@link MailLimits#maxMessageBytes()}: only the headers were read. */
    TOO_LARGE
}
