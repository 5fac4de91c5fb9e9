package fr.regard.archive.infrastructure;

import java.util.regex.Pattern;

/**
 * The hold rule in SQL, for set-based queries (the purge): a segment {@code [start_at, end_at)} of a camera is held
 * while an active row of {@code footage_hold} on that camera overlaps it ({@code window_start < end_at and
 * window_end > start_at}; touching at an edge is not overlapping). The same rule as {@code FootageHold.covers};
 * {@code HeldSegmentsTest} runs both forms on a real H2 database. Portable SQL (H2 and PostgreSQL).
 */
public final class HeldSegments {

    /** Whether an active hold keeps camera {@code ?1}'s footage over {@code [?3, ?2)}: ?1 camera, ?2 end, ?3 start. */
    public static final String COUNT_ACTIVE_OVERLAPS = "select count(*) from footage_hold h where h.camera_id = ?1 "
            + "and h.released_at is null and h.window_start < ?2 and h.window_end > ?3";

    private static final Pattern ALIAS = Pattern.compile("[a-z][a-z0-9_]{0,29}");

    private HeldSegments() {
    }

    /**
     * The condition a purge adds for a segment table aliased {@code alias} with columns {@code camera_id},
     * {@code start_at} and {@code end_at}: true when no active hold keeps the segment. For example
     * {@code select s.id from footage_segment s where s.end_at <= ? and } + {@code notHeld("s")}.
     */
    public static String notHeld(String alias) {
        if (alias == null || !ALIAS.matcher(alias).matches()) {
            throw new IllegalArgumentException("not a plain SQL alias: " + alias);
        }
        return "not exists (select 1 from footage_hold h where h.camera_id = " + alias + ".camera_id "
                + "and h.released_at is null and h.window_start < " + alias + ".end_at "
                + "and h.window_end > " + alias + ".start_at)";
    }
}
