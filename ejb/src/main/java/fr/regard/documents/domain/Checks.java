package fr.regard.documents.domain;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/** Constructor checks shared by the document records: a document never carries a blank or missing value. */
final class Checks {

    private Checks() {
    }

    static String text(String value, String name) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("Document field '" + name + "' is required");
        }
        return value.strip();
    }

    /** A value that may be absent (null), but not blank when present. */
    static String optionalText(String value, String name) {
        return value == null ? null : text(value, name);
    }

    static <T> T present(T value, String name) {
        return Objects.requireNonNull(value, () -> "Document field '" + name + "' is required");
    }

    static <T> List<T> list(List<T> values, String name) {
        return List.copyOf(present(values, name));
    }

    static <T> List<T> nonEmpty(List<T> values, String name) {
        List<T> copy = list(values, name);
        if (copy.isEmpty()) {
            throw new IllegalArgumentException("Document field '" + name + "' needs at least one value");
        }
        return copy;
    }

    static void ordered(Instant from, Instant to, String name) {
        if (to.isBefore(from)) {
            throw new IllegalArgumentException("Document field '" + name + "' ends before it starts");
        }
    }

    static long notNegative(long value, String name) {
        if (value < 0) {
            throw new IllegalArgumentException("Document field '" + name + "' cannot be negative");
        }
        return value;
    }

    /** The recordings' retention: one month at most (CSI L252-5). */
    static void retentionDays(int days) {
        if (days < 1 || days > 31) {
            throw new IllegalArgumentException("retentionDays must be between 1 and 31 (CSI L252-5)");
        }
    }
}
