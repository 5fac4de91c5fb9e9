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

    private JournalActions() {
    }
}
