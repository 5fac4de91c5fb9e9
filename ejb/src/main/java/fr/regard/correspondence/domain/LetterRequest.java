package fr.regard.correspondence.domain;

import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * A letter to address to the requester of a case: its type and the particulars it must state (dates, legal basis,
 * refusal ground codes…), as short key/values. No personal data beyond the case reference: the documents capability
 * reads the case itself.
 */
public record LetterRequest(long caseId, String caseReference, LetterType type, Map<String, String> particulars) {

    public LetterRequest {
        Objects.requireNonNull(caseReference, "caseReference");
        Objects.requireNonNull(type, "type");
        particulars = particulars == null ? Map.of() : Map.copyOf(new TreeMap<>(particulars));
    }

    public static LetterRequest of(long caseId, String caseReference, LetterType type) {
        return new LetterRequest(caseId, caseReference, type, Map.of());
    }

    public LetterRequest with(String key, String value) {
        Map<String, String> more = new TreeMap<>(particulars);
        more.put(key, value);
        return new LetterRequest(caseId, caseReference, type, more);
    }
}
