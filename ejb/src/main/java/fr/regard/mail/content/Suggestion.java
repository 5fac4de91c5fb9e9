package fr.regard.mail.content;

/**
 * One fact proposed from free text.
 *
 * @param kind       what it is
 * @param text       the exact span of the source text
 * @param start      offset of the span in the text (inclusive)
 * @param end        offset of the span in the text (exclusive)
 * @param value      ISO form: date {@code 2026-03-03}, time {@code 14:30}, range {@code 14:15/14:45}, date and time
 *                   {@code 2026-03-03T14:15+01:00/2026-03-03T14:45+01:00} (Europe/Paris), place as written,
 *                   camera id
 * @param confidence how sure the reading is
 * @param label      French text for the DPO, always starting with {@link #LABEL_PREFIX}
 */
public record Suggestion(Kind kind, String text, int start, int end, String value, Confidence confidence, String label) {

    public static final String LABEL_PREFIX = "Proposé (extrait automatiquement) : ";

    /** What a suggestion is. */
    public enum Kind { DATE, TIME, TIME_RANGE, DATETIME_RANGE, PLACE, CAMERA }

    /** HIGH: explicit and unambiguous; MEDIUM: explicit but completed (year inferred, approximate time); LOW: to check. */
    public enum Confidence {
        HIGH, MEDIUM, LOW;

        Confidence min(Confidence other) {
            return ordinal() >= other.ordinal() ? this : other;
        }
    }
}
