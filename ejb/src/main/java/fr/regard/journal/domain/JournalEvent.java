package fr.regard.journal.domain;

import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * One thing to record in the journal: who (actor and role) did what (action) to which object, and why (the
 * purpose, mandatory for any access to footage). Personal data stays minimal: references, not names.
 * Loi 78-17 Titre III: collection, change, consultation, communication, interconnection and erasure are logged
 * with their reason, date and time, and who consulted or received.
 */
public record JournalEvent(String actor, String role, String action, Map<String, String> object,
                           String purpose, Map<String, String> details) {

    public JournalEvent {
        requireText(actor, "actor");
        requireText(role, "role");
        requireText(action, "action");
        Objects.requireNonNull(object, "object");
        if (!object.containsKey("type")) {
            throw new IllegalArgumentException("A journal object needs a type");
        }
        object = Map.copyOf(new TreeMap<>(object));
        details = details == null ? Map.of() : Map.copyOf(new TreeMap<>(details));
        if (purpose != null && purpose.isBlank()) {
            purpose = null;
        }
    }

    /** Starts an event on a case (object type {@code case}, id = case reference). */
    public static JournalEvent onCase(String actor, String role, String action, String reference) {
        return new JournalEvent(actor, role, action, Map.of("type", "case", "id", reference), null, Map.of());
    }

    public static JournalEvent on(String actor, String role, String action, String objectType, String objectId) {
        return new JournalEvent(actor, role, action, Map.of("type", objectType, "id", objectId), null, Map.of());
    }

    public JournalEvent withPurpose(String newPurpose) {
        return new JournalEvent(actor, role, action, object, newPurpose, details);
    }

    public JournalEvent withDetail(String key, String value) {
        Map<String, String> more = new TreeMap<>(details);
        more.put(key, value);
        return new JournalEvent(actor, role, action, object, purpose, more);
    }

    private static void requireText(String value, String name) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("A journal event needs an " + name);
        }
    }
}
