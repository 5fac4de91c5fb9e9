package fr.regard.mail.content;

/** What a received message is, decided by {@link MailParser} in this order: own, bounce, auto-reply, list. */
public enum MailKind {
    /** A human message to handle: a new request or a reply in a case. */
    NEW_OR_REPLY,
    /** An automatic answer (out of office, acknowledgement, loop): never answered. */
    AUTO_REPLY,
    /** A delivery failure report about a message Regard sent; see {@link BounceInfo}. */
    BOUNCE,
    /** A message from a mailing list or newsletter. */
    MAILING_LIST,
    /** A message Regard sent itself, come back (copy, loop, forward). */
    OWN_MESSAGE,
    /** Unreadable or too large; see {@link Rejection}. */
    REJECTED
}
