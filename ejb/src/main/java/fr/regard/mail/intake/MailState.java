package fr.regard.mail.intake;

/** What became of a received message ({@code mail_message.state}). */
public enum MailState {
    /** Stored and journalled, not routed yet (a crash here: the next pass routes it from the stored .eml). */
    RECEIVED,
    /** A new request: its case was created. */
    CASE_CREATED,
    /** Attached to an existing case (reply, complement). */
    ATTACHED,
    /** Automatic reply, mailing list, Regard's own message, second delivery: no case, no answer. */
    IGNORED,
    /** Unreadable, too large…: journalled with its reason, the sender told when allowed. */
    REJECTED,
    /** A delivery failure report of one of Regard's mails, recorded on the letter's case. */
    BOUNCE_RECORDED;

    /** The mailbox folder a message goes to once routed. */
    public String folder() {
        return switch (this) {
            case CASE_CREATED, ATTACHED, BOUNCE_RECORDED -> "Regard/Traités";
            case IGNORED -> "Regard/Ignorés";
            case REJECTED -> "Regard/Rejetés";
            case RECEIVED -> "INBOX";
        };
    }
}
