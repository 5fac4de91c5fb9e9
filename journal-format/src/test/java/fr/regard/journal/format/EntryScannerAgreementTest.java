package fr.regard.journal.format;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

/**
 * The fast canonical check used by the verifier (no allocation, docs/journal-format.md "Entry") and the full parse with
 * re-encoding agree on 150,000 random mutations of valid entries: they accept exactly the same
 * byte strings, and what they accept re-encodes to itself.
 */
class EntryScannerAgreementTest {

    private static final byte[] ALPHABET = " \t\n\"\\{}[]:,0123456789abcdefuvtnr-.ZT+é\u0000"
            .getBytes(StandardCharsets.UTF_8);

    @Test
    void the_fast_check_and_the_strict_parse_accept_exactly_the_same_mutants() {
        SplittableRandom random = new SplittableRandom(20261125);
        byte[][] seeds = {
            JournalEntryTest.GOLDEN_JSON.getBytes(StandardCharsets.UTF_8),
            SampleEntries.entry(3).canonicalBytes(),
            SampleEntries.entry(4242).canonicalBytes(),
            new JournalEntry(0, java.time.Instant.EPOCH, java.time.Instant.EPOCH, "a", "b", "c",
                    java.util.Map.of("type", "t"), null, java.util.Map.of("k", "\t\"\\\u0001")).canonicalBytes()};
        int accepted = 0;
        for (int i = 0; i < 150_000; i++) {
            byte[] mutant = mutate(seeds[i % seeds.length], random);
            boolean fast = JournalEntry.isCanonical(mutant, 0, mutant.length);
            boolean strict;
            try {
                JournalEntry entry = JournalEntry.parse(mutant);
                assertThat(entry.canonicalBytes()).isEqualTo(mutant);
                strict = true;
            } catch (JournalEntryFormatException e) {
                strict = false;
            }
            assertThat(fast).as("fast check vs strict parse on %s", new String(mutant, StandardCharsets.UTF_8))
                    .isEqualTo(strict);
            if (fast) {
                accepted++;
            }
        }
        assertThat(accepted).as("some mutants are still canonical (e.g. a changed digit)").isGreaterThan(500);
    }

    @Test
    void every_single_byte_substitution_of_the_golden_entry_gets_the_same_verdict_from_both() {
        byte[] golden = JournalEntryTest.GOLDEN_JSON.getBytes(StandardCharsets.UTF_8);
        for (int at = 0; at < golden.length; at++) {
            for (int value = 0; value < 256; value++) {
                byte[] mutant = golden.clone();
                mutant[at] = (byte) value;
                boolean strict;
                try {
                    JournalEntry.parse(mutant);
                    strict = true;
                } catch (JournalEntryFormatException e) {
                    strict = false;
                }
                assertThat(JournalEntry.isCanonical(mutant, 0, mutant.length))
                        .as("byte %d set to 0x%02x", at, value).isEqualTo(strict);
            }
        }
    }

    private static byte[] mutate(byte[] seed, SplittableRandom random) {
        byte[] bytes = seed.clone();
        int edits = 1 + random.nextInt(2);
        for (int e = 0; e < edits; e++) {
            int at = random.nextInt(bytes.length);
            switch (random.nextInt(4)) {
                case 0 -> bytes[at] = ALPHABET[random.nextInt(ALPHABET.length)];
                case 1 -> bytes[at] = (byte) random.nextInt(256);
                case 2 -> {
                    byte[] longer = new byte[bytes.length + 1];
                    System.arraycopy(bytes, 0, longer, 0, at);
                    longer[at] = ALPHABET[random.nextInt(ALPHABET.length)];
                    System.arraycopy(bytes, at, longer, at + 1, bytes.length - at);
                    bytes = longer;
                }
                default -> {
                    if (bytes.length > 1) {
                        byte[] shorter = new byte[bytes.length - 1];
                        System.arraycopy(bytes, 0, shorter, 0, at);
                        System.arraycopy(bytes, at + 1, shorter, at, bytes.length - at - 1);
                        bytes = shorter;
                    }
                }
            }
        }
        return Arrays.copyOf(bytes, bytes.length);
    }
}
