package fr.regard.cases.domain;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The human-readable, unique name of a case, quoted in every letter and by the requester:
 * {@code DA-2026-000042} = kind prefix, year of receipt (Europe/Paris), number from one database sequence.
 */
public record CaseReference(String value) {

    private static final Pattern FORMAT = Pattern.compile("(DA|VD)-\\d{4}-\\d{6,}");

    public CaseReference {
        Objects.requireNonNull(value, "value");
        if (!FORMAT.matcher(value).matches()) {
            throw new IllegalArgumentException("Not a case reference: " + value);
        }
    }

    public static CaseReference of(RequestKind kind, int year, long number) {
        if (number <= 0) {
            throw new IllegalArgumentException("Reference numbers start at 1: " + number);
        }
        return new CaseReference(String.format("%s-%04d-%06d", kind.referencePrefix(), year, number));
    }

    public static boolean isWellFormed(String candidate) {
        return candidate != null && FORMAT.matcher(candidate).matches();
    }

    @Override
    public String toString() {
        return value;
    }
}
