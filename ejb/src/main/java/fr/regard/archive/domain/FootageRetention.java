package fr.regard.archive.domain;

import java.time.Instant;
import java.time.ZoneId;

/**
 * How long a camera's footage is kept, and when a segment is due for destruction. The retention of a camera is the
 * shorter of its prefectoral authorisation ({@code Camera.retentionDays}, 1 to 31 days) and the city's policy
 * ({@code regard.policy.retention-days}): neither may be exceeded (CSI L252-5: never more than one month). Days are
 * calendar days in Europe/Paris at the same wall-clock time, as every legal date of Regard (LegalCalendar).
 * A segment is expired when its end is at or before the cutoff: {@code end + retention <= now}.
 */
public record FootageRetention(int policyDays) {

    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");

    public FootageRetention {
        if (policyDays < 1 || policyDays > Camera.MAX_RETENTION_DAYS) {
            throw new IllegalArgumentException("the policy retention is 1 to " + Camera.MAX_RETENTION_DAYS
                    + " days: " + policyDays);
        }
    }

    /** The retention applied to a camera authorised for {@code cameraDays}. */
    public int daysFor(int cameraDays) {
        return Math.min(cameraDays, policyDays);
    }

    /** The latest segment end that is expired at {@code now} for that retention. */
    public static Instant cutoff(Instant now, int days) {
        return now.atZone(PARIS).minusDays(days).toInstant();
    }

    /** When a segment ending at {@code end} becomes due for destruction. */
    public static Instant dueAt(Instant end, int days) {
        return end.atZone(PARIS).plusDays(days).toInstant();
    }
}
