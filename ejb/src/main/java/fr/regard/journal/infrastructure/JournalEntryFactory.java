package fr.regard.journal.infrastructure;

import fr.regard.journal.format.JournalEntry;
import java.time.Instant;
import java.util.Map;

/** Builds the canonical journal entry (format v1, journal-format module) from a stored row. */
final class JournalEntryFactory {

    private JournalEntryFactory() {
    }

    static JournalEntry entry(long seq, Instant recordedAt, Instant sequencedAt, String actor, String role,
                              String action, Map<String, String> object, String purpose, Map<String, String> details) {
        return new JournalEntry(seq, recordedAt, sequencedAt, actor, role, action, object, purpose, details);
    }
}
