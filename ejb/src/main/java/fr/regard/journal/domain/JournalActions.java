package fr.regard.journal.domain;

/** Names of journal actions, shared by every capability (one vocabulary for auditors). */
public final class JournalActions {

    /** A request was received and its case created (collection of personal data). */
    public static final String CASE_RECEIVED = "CASE_RECEIVED";
    /** A staff member consulted a case (consultation). */
    public static final String CASE_VIEWED = "CASE_VIEWED";
    /** An auditor exported part of the journal (communication). */
    public static final String JOURNAL_EXPORTED = "JOURNAL_EXPORTED";
    /** An auditor or administrator ran the server's integrity check. */
    public static final String JOURNAL_CHECKED = "JOURNAL_CHECKED";

    // --- case lifecycle (issue 4): every state change, decision and deadline change of a case -------------------
    /** The DPO stated the facts of a request opened on provisional facts (an e-mail): window, place. */
    public static final String FACTS_CONFIRMED = "FACTS_CONFIRMED";
    /** The DPO qualified a request (regime, identity, precision, charter window). */
    public static final String CASE_QUALIFIED = "CASE_QUALIFIED";
    /** A complement was asked of the requester; its reminder and deadline were set. */
    public static final String COMPLEMENT_REQUESTED = "COMPLEMENT_REQUESTED";
    /** The requester sent a complement (collection). */
    public static final String COMPLEMENT_RECEIVED = "COMPLEMENT_RECEIVED";
    /** The answer period stopped while a complement is awaited (deadline change). */
    public static final String RESPONSE_CLOCK_PAUSED = "RESPONSE_CLOCK_PAUSED";
    /** The answer period runs again (deadline change). */
    public static final String RESPONSE_CLOCK_RESUMED = "RESPONSE_CLOCK_RESUMED";
    /** The DPO asked for the extension of the answer period, with reasons. */
    public static final String EXTENSION_REQUESTED = "EXTENSION_REQUESTED";
    /** The answer period was extended (GDPR art. 12(3); deadline change). */
    public static final String RESPONSE_EXTENDED = "RESPONSE_EXTENDED";
    /** An extension was refused (asked after the first period, or not allowed in the case's state). */
    public static final String EXTENSION_REFUSED = "EXTENSION_REFUSED";
    /** The answer is due soon: the DPO queue is reminded. */
    public static final String RESPONSE_REMINDER_DUE = "RESPONSE_REMINDER_DUE";
    /** The answer period ended before the answer: the case is overdue. */
    public static final String RESPONSE_OVERDUE = "RESPONSE_OVERDUE";
    /** An operator searched the recordings for a case (consultation of footage, with its purpose). */
    public static final String FOOTAGE_SEARCHED = "FOOTAGE_SEARCHED";
    /** An operator extracted and masked footage for a case. */
    public static final String EXTRACTION_RECORDED = "EXTRACTION_RECORDED";
    /** The DPO decided the answer (decision, catalogue grounds). */
    public static final String DECISION_TAKEN = "DECISION_TAKEN";
    /** A masked copy was made available until a date (communication). */
    public static final String DELIVERY_PUBLISHED = "DELIVERY_PUBLISHED";
    /** An on-site viewing took place or the requester did not come (communication). */
    public static final String VIEWING_RECORDED = "VIEWING_RECORDED";
    /** A verification request's finding was recorded (destroyed, pending, judicial hold). */
    public static final String DESTRUCTION_FINDING_RECORDED = "DESTRUCTION_FINDING_RECORDED";
    /** A case was closed (answered, or no complement). */
    public static final String CASE_CLOSED = "CASE_CLOSED";
    /** The requester withdrew the request. */
    public static final String CASE_WITHDRAWN = "CASE_WITHDRAWN";
    /** A closed case's personal data were purged (erasure). */
    public static final String PERSONAL_DATA_PURGED = "PERSONAL_DATA_PURGED";
    /** A staff member took a task of a case. */
    public static final String TASK_CLAIMED = "TASK_CLAIMED";
    /** A letter to the requester was registered (status says whether it was sent). */
    public static final String LETTER_TO_ISSUE = "LETTER_TO_ISSUE";
    /**
     * Before holds were real (V22): a hold was registered "à effectuer". Kept to read older journal entries; new
     * holds write {@link #FOOTAGE_HOLD_PLACED}.
     */
    public static final String FOOTAGE_HOLD_REQUESTED = "FOOTAGE_HOLD_REQUESTED";
    /** Before holds were real (V22): a release was registered "à effectuer"; now {@link #FOOTAGE_HOLD_RELEASED}. */
    public static final String FOOTAGE_HOLDS_RELEASE_REQUESTED = "FOOTAGE_HOLDS_RELEASE_REQUESTED";

    // --- holds (issue 5): what the purge must not destroy ---------------------------------------------------------
    /** Footage was held (case hold at intake, or judicial requisition): cameras, window, limit. */
    public static final String FOOTAGE_HOLD_PLACED = "FOOTAGE_HOLD_PLACED";
    /** A hold was released (closure, withdrawal, end of a requisition), with its reason. */
    public static final String FOOTAGE_HOLD_RELEASED = "FOOTAGE_HOLD_RELEASED";
    /** The cameras of a case's hold were replaced (the operator matched the place to cameras). */
    public static final String FOOTAGE_HOLD_CAMERAS_CHANGED = "FOOTAGE_HOLD_CAMERAS_CHANGED";
    /** A hold outlived its legal limit or its review date: shown to the DPO "à réexaminer" (journalled once). */
    public static final String FOOTAGE_HOLD_FLAGGED = "FOOTAGE_HOLD_FLAGGED";
    /** A masked extract was asked of the archive. */
    public static final String EXTRACT_REQUESTED = "EXTRACT_REQUESTED";
    /** The destruction of a case's extracts was asked of the archive. */
    public static final String EXTRACT_DESTRUCTION_REQUESTED = "EXTRACT_DESTRUCTION_REQUESTED";
    /** The archive was asked whether a window's footage is destroyed. */
    public static final String FOOTAGE_DESTRUCTION_CHECKED = "FOOTAGE_DESTRUCTION_CHECKED";
    /** An operator or the DPO asked for an extraction of held footage for a case, with its purpose (collection). */
    public static final String FOOTAGE_EXTRACT_REQUESTED = "FOOTAGE_EXTRACT_REQUESTED";
    /** A worker started an extraction (the source segments it uses are listed). */
    public static final String FOOTAGE_EXTRACT_STARTED = "FOOTAGE_EXTRACT_STARTED";
    /** An extraction finished: the output file and its SHA-256. */
    public static final String FOOTAGE_EXTRACT_DONE = "FOOTAGE_EXTRACT_DONE";
    /** An extraction failed (a source segment that is not the one ingested, unreadable footage…), with why. */
    public static final String FOOTAGE_EXTRACT_FAILED = "FOOTAGE_EXTRACT_FAILED";
    /** An extraction was cancelled (on request, or by the destruction of the case's extracts). */
    public static final String FOOTAGE_EXTRACT_CANCELLED = "FOOTAGE_EXTRACT_CANCELLED";
    /** An extraction interrupted by a restart was queued again. */
    public static final String FOOTAGE_EXTRACT_REQUEUED = "FOOTAGE_EXTRACT_REQUEUED";
    /** Staff downloaded an extract (consultation, with its purpose). */
    public static final String FOOTAGE_EXTRACT_DOWNLOADED = "FOOTAGE_EXTRACT_DOWNLOADED";
    /** A case's extracts were destroyed at the end of their delivery (erasure, files checked gone). */
    public static final String FOOTAGE_EXTRACT_DESTROYED = "FOOTAGE_EXTRACT_DESTROYED";

    // --- recording archive (issue 5) ------------------------------------------------------------------------------
    /** The ingest committed a batch of new segments to the index (large runs commit several batches). */
    public static final String ARCHIVE_SEGMENTS_INDEXED = "ARCHIVE_SEGMENTS_INDEXED";
    /** A run of the ingest ended: counts of what it indexed and of every problem it met, by kind. */
    public static final String ARCHIVE_INGEST_RUN = "ARCHIVE_INGEST_RUN";

    // --- purge of expired footage (issue 5): one event per batch transition, never one per segment --------------
    /** A purge batch started (daily timer, start-up catch-up or an administrator). */
    public static final String FOOTAGE_PURGE_STARTED = "FOOTAGE_PURGE_STARTED";
    /** A purge batch completed: counts, windows and the Merkle root of the destroyed segments (erasure). */
    public static final String FOOTAGE_PURGE_COMPLETED = "FOOTAGE_PURGE_COMPLETED";
    /** An interrupted purge batch was closed by the next one: what it destroyed, with its Merkle root (erasure). */
    public static final String FOOTAGE_PURGE_FAILED = "FOOTAGE_PURGE_FAILED";
    /** A purge run met an error (segments the archive refused to destroy, a failed job); it will be retried. */
    public static final String FOOTAGE_PURGE_ERROR = "FOOTAGE_PURGE_ERROR";

    // --- documents (issue 6) ---------------------------------------------------------------------------------------
    /** A sealed document was issued: stored (content-addressed) and recorded in the registry. */
    public static final String DOCUMENT_ISSUED = "DOCUMENT_ISSUED";
    /** An issued document was downloaded (by staff, or by the requester through their tracking link). */
    public static final String DOCUMENT_DOWNLOADED = "DOCUMENT_DOWNLOADED";
    /** A letter the workflow asked for could not be issued (data missing for its template): an incident for the DPO. */
    public static final String LETTER_ISSUE_FAILED = "LETTER_ISSUE_FAILED";

    // --- mail (issue 7, docs/mail.md) ------------------------------------------------------------------------------
    /** A message of the DPO mailbox was stored (.eml SHA-256, size, IMAP UID, Message-ID) before anything else. */
    public static final String MAIL_RECEIVED = "MAIL_RECEIVED";
    /** A received message was attached to a case (a new request's own message, a reply, a complement). */
    public static final String MAIL_ATTACHED = "MAIL_ATTACHED";
    /** A staff member downloaded the original (.eml) of a message attached to a case. */
    public static final String MAIL_ORIGINAL_DOWNLOADED = "MAIL_ORIGINAL_DOWNLOADED";
    /** A staff member downloaded an accepted attachment of a message attached to a case. */
    public static final String MAIL_ATTACHMENT_DOWNLOADED = "MAIL_ATTACHMENT_DOWNLOADED";
    /** A received message was ignored: automatic reply, mailing list, Regard's own message, second delivery. */
    public static final String MAIL_IGNORED = "MAIL_IGNORED";
    /** A received message was rejected (unreadable, too large…), with the reason; its sender told when allowed. */
    public static final String MAIL_REJECTED = "MAIL_REJECTED";
    /** A mail was queued in the outbox (Message-ID, kind, SHA-256 of the composed message), atomically with its cause. */
    public static final String MAIL_QUEUED = "MAIL_QUEUED";
    /** The mail server accepted a queued mail (attempt count). */
    public static final String MAIL_SENT = "MAIL_SENT";
    /** A queued mail was refused for good or given up after the outbox's maximum age: flagged to the DPO. */
    public static final String MAIL_SEND_FAILED = "MAIL_SEND_FAILED";
    /** A delivery status notification came back for one of our mails: the letter is "non distribuée". */
    public static final String MAIL_BOUNCED = "MAIL_BOUNCED";
    /** A letter was posted by registered mail (number, date), recorded by staff. */
    public static final String LETTER_POSTED = "LETTER_POSTED";
    /** The post delivered a registered letter, or brought it back (reason), recorded by staff. */
    public static final String LETTER_DELIVERED = "LETTER_DELIVERED";

    private JournalActions() {
    }
}
