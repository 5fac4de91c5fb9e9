package fr.regard.journal.infrastructure;

/**
 * The journal's stored state contradicts what it signed: someone changed the database. Integration stops (no
 * checkpoint is signed over a forked history) until the DPO and the auditors have looked at it.
 */
public class JournalIntegrityAlarm extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public JournalIntegrityAlarm(String message) {
        super(message);
    }
}
