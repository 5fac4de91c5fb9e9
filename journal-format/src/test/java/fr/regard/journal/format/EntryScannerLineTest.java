package fr.regard.journal.format;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

/**
 * The parallel audit finds the end of an entry line and checks it in one pass ({@link EntryScanner#scanLine}): on
 * every line followed by anything, it must accept exactly when the line up to its first newline is canonical, end
 * there, and read the same seq and times as {@link EntryScanner#scan} of that line.
 */
class EntryScannerLineTest {

    private static final byte[] ALPHABET = " \t\n\r\"\\{}[]:,0123456789abcdefuvtnr-.ZT+é\u0000"
            .getBytes(StandardCharsets.UTF_8);

    @Test
    void finding_and_checking_a_line_at_once_agrees_with_splitting_then_checking() {
        SplittableRandom random = new SplittableRandom(4242);
        EntryScanner lines = new EntryScanner();
        int accepted = 0;
        for (int i = 0; i < 200_000; i++) {
            byte[] line = SampleEntries.entry(random.nextInt(100_000)).canonicalBytes();
            int edits = random.nextInt(3);
            for (int e = 0; e < edits; e++) {
                line = mutate(line, random);
            }
            byte[] tail = tail(random);
            byte[] bytes = new byte[3 + line.length + tail.length];
            bytes[0] = '\n';
            System.arraycopy(line, 0, bytes, 3, line.length);
            System.arraycopy(tail, 0, bytes, 3 + line.length, tail.length);
            int start = 3;
            int limit = bytes.length - random.nextInt(2);

            int newline = -1;
            for (int k = start; k < limit; k++) {
                if (bytes[k] == '\n') {
                    newline = k;
                    break;
                }
            }
            EntryScanner fresh = new EntryScanner();
            boolean canonical = newline >= 0 && fresh.scan(bytes, start, newline - start);
            int end = lines.scanLine(bytes, start, limit);
            String text = new String(bytes, StandardCharsets.UTF_8);
            assertThat(end).as("line end in %s", text).isEqualTo(canonical ? newline : -1);
            if (canonical) {
                accepted++;
                assertThat(lines.seq).isEqualTo(fresh.seq);
                assertThat(lines.recordedAtMicros).isEqualTo(fresh.recordedAtMicros);
                assertThat(lines.sequencedAtMicros).isEqualTo(fresh.sequencedAtMicros);
            }
        }
        assertThat(accepted).isGreaterThan(50_000);
    }

    /** What follows the line: a newline and more, or bytes without a newline, or nothing. */
    private static byte[] tail(SplittableRandom random) {
        int length = random.nextInt(40);
        byte[] tail = new byte[length];
        for (int i = 0; i < length; i++) {
            tail[i] = ALPHABET[random.nextInt(ALPHABET.length)];
        }
        if (length > 0 && random.nextInt(3) > 0) {
            tail[0] = '\n';
        }
        return tail;
    }

    private static byte[] mutate(byte[] bytes, SplittableRandom random) {
        if (bytes.length == 0) {
            return bytes;
        }
        int at = random.nextInt(bytes.length);
        switch (random.nextInt(5)) {
            case 0 -> {
                byte[] copy = bytes.clone();
                copy[at] = ALPHABET[random.nextInt(ALPHABET.length)];
                return copy;
            }
            case 1 -> {
                byte[] copy = bytes.clone();
                copy[at] = (byte) random.nextInt(256);
                return copy;
            }
            case 2 -> {
                return Arrays.copyOf(bytes, at);
            }
            case 3 -> {
                byte[] longer = new byte[bytes.length + 1];
                System.arraycopy(bytes, 0, longer, 0, at);
                longer[at] = ALPHABET[random.nextInt(ALPHABET.length)];
                System.arraycopy(bytes, at, longer, at + 1, bytes.length - at);
                return longer;
            }
            default -> {
                return bytes;
            }
        }
    }
}
