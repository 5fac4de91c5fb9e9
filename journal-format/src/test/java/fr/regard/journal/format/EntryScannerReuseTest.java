package fr.regard.journal.format;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

/**
 * The audit reuses one {@link EntryScanner} for a whole journal, and the scanner remembers the date of the last time
 * it parsed (docs/journal-format.md, "Entry"): a reused scanner must judge every entry, and read its seq and times,
 * exactly as a fresh one, whatever came before — here on runs of consecutive entries mixed with mutants of their
 * dates and times and with arbitrary mutants.
 */
class EntryScannerReuseTest {

    private static final byte[] TIME_BYTES = "0123456789-T:.Z+ x\u0000".getBytes(StandardCharsets.ISO_8859_1);

    @Test
    void a_reused_scanner_agrees_with_a_fresh_one_on_every_entry() {
        SplittableRandom random = new SplittableRandom(2026_11_25);
        EntryScanner reused = new EntryScanner();
        int accepted = 0;
        for (int i = 0; i < 200_000; i++) {
            byte[] entry = SampleEntries.entry(random.nextInt(2_000_000) + (i % 3 == 0 ? 0 : i)).canonicalBytes();
            switch (random.nextInt(4)) {
                case 0 -> mutateTime(entry, random);
                case 1 -> entry[random.nextInt(entry.length)] = (byte) random.nextInt(256);
                default -> { }
            }
            EntryScanner fresh = new EntryScanner();
            boolean expected = fresh.scan(entry, 0, entry.length);
            boolean actual = reused.scan(entry, 0, entry.length);
            String text = new String(entry, StandardCharsets.UTF_8);
            assertThat(actual).as("verdict on %s", text).isEqualTo(expected);
            if (expected) {
                accepted++;
                assertThat(reused.seq).as("seq of %s", text).isEqualTo(fresh.seq);
                assertThat(reused.recordedAtMicros).as("recordedAt of %s", text).isEqualTo(fresh.recordedAtMicros);
                assertThat(reused.sequencedAtMicros).as("sequencedAt of %s", text).isEqualTo(fresh.sequencedAtMicros);
            } else {
                assertThat(reused.failOffset).as("offset on %s", text).isEqualTo(fresh.failOffset);
                assertThat(reused.failReason).as("reason on %s", text).isEqualTo(fresh.failReason);
            }
        }
        assertThat(accepted).isGreaterThan(100_000);
    }

    @Test
    void the_time_of_day_plus_the_date_is_the_time() {
        SplittableRandom random = new SplittableRandom(7);
        for (int i = 0; i < 100_000; i++) {
            byte[] time = "2026-11-25T20:45:23.127509Z".getBytes(StandardCharsets.US_ASCII);
            int edits = random.nextInt(3);
            for (int e = 0; e < edits; e++) {
                time[random.nextInt(time.length)] = TIME_BYTES[random.nextInt(TIME_BYTES.length)];
            }
            long full = UtcMicros.parse(time, 0);
            long timeOfDay = UtcMicros.parseTimeOfDay(time, 0);
            long midnight = UtcMicros.parse(("2026-11-25T00:00:00.000000Z").getBytes(StandardCharsets.US_ASCII), 0);
            boolean dateIntact = new String(time, 0, 10, StandardCharsets.US_ASCII).equals("2026-11-25");
            if (dateIntact) {
                assertThat(full).as(new String(time, StandardCharsets.US_ASCII))
                        .isEqualTo(timeOfDay == UtcMicros.INVALID ? UtcMicros.INVALID : midnight + timeOfDay);
            } else if (full != UtcMicros.INVALID) {
                assertThat(timeOfDay).isNotEqualTo(UtcMicros.INVALID);
            }
        }
    }

    /** Changes a byte of recordedAt or sequencedAt, often in the date, often keeping the same date as before. */
    private static void mutateTime(byte[] entry, SplittableRandom random) {
        String text = new String(entry, StandardCharsets.ISO_8859_1);
        int at = text.indexOf(random.nextBoolean() ? "\"recordedAt\":\"" : "\"sequencedAt\":\"");
        int start = text.indexOf(":\"", at) + 2;
        int offset = random.nextInt(3) == 0 ? random.nextInt(10) : random.nextInt(UtcMicros.LENGTH + 1);
        entry[start + offset] = TIME_BYTES[random.nextInt(TIME_BYTES.length)];
    }
}
