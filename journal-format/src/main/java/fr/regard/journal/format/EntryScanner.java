package fr.regard.journal.format;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;

/**
 * A strict, single-pass acceptor of the canonical bytes of a {@link JournalEntry} version 1 (RFC 8785 JCS
 * restricted to the entry schema, see docs/journal-format.md). It accepts exactly the byte strings that
 * {@link JournalEntry#canonicalBytes()} can produce and allocates nothing on the accepting path, so the verifier
 * can check a million entries quickly. Member names are fixed and appear in JCS order, so each is matched as a
 * literal; any other byte is a rejection, explained afterwards by {@link EntryDiagnosis}.
 *
 * <p>After a successful {@link #scan} the fields hold the entry's seq, times (epoch microseconds) and the spans of
 * its strings, from which {@link #toEntry()} builds the record. Not thread-safe; reusable.
 */
final class EntryScanner {

    /** Largest seq: Number.MAX_SAFE_INTEGER, the largest integer JCS (IEEE 754 doubles) writes exactly. */
    static final long MAX_SEQ = 9_007_199_254_740_991L;
    /** Longest key of {@code object} and {@code details}. */
    static final int MAX_KEY_LENGTH = 64;

    private static final byte[] ACTION = ascii("{\"action\":\"");
    private static final byte[] ACTOR = ascii(",\"actor\":\"");
    private static final byte[] DETAILS = ascii(",\"details\":{");
    private static final byte[] OBJECT = ascii(",\"object\":{");
    private static final byte[] PURPOSE = ascii(",\"purpose\":\"");
    private static final byte[] RECORDED_AT = ascii(",\"recordedAt\":\"");
    private static final byte[] ROLE = ascii(",\"role\":\"");
    private static final byte[] SEQ = ascii(",\"seq\":");
    private static final byte[] SEQUENCED_AT = ascii(",\"sequencedAt\":\"");
    private static final byte[] VERSION_1 = ascii(",\"v\":1}");
    private static final byte[] TYPE = ascii("type");

    static {
        for (byte[] literal : new byte[][] {ACTION, ACTOR, DETAILS, OBJECT, PURPOSE, RECORDED_AT, ROLE, SEQ,
            SEQUENCED_AT, VERSION_1}) {
            if (literal.length < Integer.BYTES || literal.length > 2 * Long.BYTES) {
                throw new IllegalStateException("literal() compares 4 to 16 bytes");
            }
        }
    }
    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final VarHandle INTS = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.LITTLE_ENDIAN);
    private static final VarHandle SHORTS = MethodHandles.byteArrayViewVarHandle(short[].class, ByteOrder.LITTLE_ENDIAN);
    private static final long ONES = 0x0101010101010101L;
    private static final long HIGHS = 0x8080808080808080L;

    long seq;
    long recordedAtMicros;
    long sequencedAtMicros;
    int actionStart;
    int actionEnd;
    int actorStart;
    int actorEnd;
    int roleStart;
    int roleEnd;
    /** -1 when the entry has no purpose. */
    int purposeStart;
    int purposeEnd;
    final Members object = new Members();
    final Members details = new Members();

    /** Offset, relative to the scanned range, of the byte that made the last scan fail. */
    int failOffset;
    /** Short English reason of the last failure. */
    String failReason;

    /** The last valid date seen by {@link #parseTime}: its 10 bytes and its epoch microseconds at midnight. */
    private boolean dateCached;
    private long cachedDate;
    private short cachedDate2;
    private long cachedDateMicros;

    private byte[] b;
    private int p;
    private int end;
    private int base;

    /** Whether {@code bytes[offset..offset+length)} is the canonical encoding of a valid entry version 1. */
    boolean scan(byte[] bytes, int offset, int length) {
        return scan(bytes, offset, offset + length, false);
    }

    /**
     * Finds and checks a line at once: if {@code bytes} from {@code start} (up to {@code limit}) hold the canonical
     * encoding of a valid entry followed by {@code '\n'}, returns the index of that newline, and the fields are set as
     * {@link #scan} of the line would set them; otherwise -1, and nothing is known about the line (check it with
     * {@link #scan} once its end is found). Exact because an accepted entry never holds a raw newline: every byte the
     * scan reads at or beyond that newline fails the byte test it meets (a newline is no literal, key, digit, time or
     * string byte), exactly as reaching the end of the line would, so both scans take the same path up to the end.
     */
    int scanLine(byte[] bytes, int start, int limit) {
        return scan(bytes, start, limit, true) ? p : -1;
    }

    private boolean scan(byte[] bytes, int offset, int limit, boolean line) {
        b = bytes;
        p = offset;
        base = offset;
        end = limit;
        object.clear();
        details.clear();
        purposeStart = -1;
        purposeEnd = -1;

        if (!literal(ACTION)) {
            return fail("the entry must start with {\"action\":\"");
        }
        actionStart = p;
        if ((actionEnd = string()) < 0) {
            return false;
        }
        if (blank(actionStart, actionEnd)) {
            return failAt(actionStart, "action is blank");
        }
        if (!literal(ACTOR)) {
            return fail("expected member actor");
        }
        actorStart = p;
        if ((actorEnd = string()) < 0) {
            return false;
        }
        if (blank(actorStart, actorEnd)) {
            return failAt(actorStart, "actor is blank");
        }
        if (literal(DETAILS) && !members(details, false)) {
            return false;
        }
        if (!literal(OBJECT)) {
            return fail("expected member object");
        }
        if (!members(object, true)) {
            return false;
        }
        if (literal(PURPOSE)) {
            purposeStart = p;
            if ((purposeEnd = string()) < 0) {
                return false;
            }
            if (blank(purposeStart, purposeEnd)) {
                return failAt(purposeStart, "purpose is blank");
            }
        }
        if (!literal(RECORDED_AT)) {
            return fail("expected member recordedAt");
        }
        if ((recordedAtMicros = time()) == UtcMicros.INVALID) {
            return false;
        }
        if (!literal(ROLE)) {
            return fail("expected member role");
        }
        roleStart = p;
        if ((roleEnd = string()) < 0) {
            return false;
        }
        if (blank(roleStart, roleEnd)) {
            return failAt(roleStart, "role is blank");
        }
        if (!literal(SEQ)) {
            return fail("expected member seq");
        }
        if ((seq = number()) < 0) {
            return false;
        }
        if (!literal(SEQUENCED_AT)) {
            return fail("expected member sequencedAt");
        }
        if ((sequencedAtMicros = time()) == UtcMicros.INVALID) {
            return false;
        }
        if (!literal(VERSION_1)) {
            return fail("expected member v with value 1 closing the entry");
        }
        if (line) {
            return p < end && b[p] == '\n';
        }
        return p == end || fail("bytes after the end of the entry");
    }

    /** The record of the last successfully scanned entry. */
    JournalEntry toEntry() {
        return new JournalEntry(JournalEntry.VERSION, seq, UtcMicros.toInstant(recordedAtMicros),
                UtcMicros.toInstant(sequencedAtMicros), decode(b, actorStart, actorEnd), decode(b, roleStart, roleEnd),
                decode(b, actionStart, actionEnd), object.toMap(b),
                purposeStart < 0 ? null : decode(b, purposeStart, purposeEnd), details.toMap(b));
    }

    /**
     * Matches an ASCII literal (4 to 16 bytes, as all of them are) at the current position and moves past it: its
     * first and last eight bytes (four below eight bytes), overlapping, compared as two words.
     */
    private boolean literal(byte[] expected) {
        int n = expected.length;
        if (end - p < n) {
            return false;
        }
        if (n >= Long.BYTES) {
            if ((long) LONGS.get(b, p) != (long) LONGS.get(expected, 0)
                    || (long) LONGS.get(b, p + n - Long.BYTES) != (long) LONGS.get(expected, n - Long.BYTES)) {
                return false;
            }
        } else if ((int) INTS.get(b, p) != (int) INTS.get(expected, 0)
                || (int) INTS.get(b, p + n - Integer.BYTES) != (int) INTS.get(expected, n - Integer.BYTES)) {
            return false;
        }
        p += n;
        return true;
    }

    /**
     * Scans the rest of a string whose opening quote was consumed; returns the index of the closing quote and moves
     * past it, or -1. Only canonical escapes and strict, I-JSON UTF-8 are accepted. Runs of plain ASCII (no control
     * character, quote or backslash) are skipped eight bytes at a time.
     */
    private int string() {
        int i = p;
        byte[] bytes = b;
        int limit = end;
        while (true) {
            int c;
            if (i + Long.BYTES <= limit) {
                long special = special((long) LONGS.get(bytes, i));
                if (special == 0) {
                    i += Long.BYTES;
                    continue;
                }
                i += Long.numberOfTrailingZeros(special) >>> 3;
                c = bytes[i];
            } else if (i < limit) {
                c = bytes[i];
                if (c >= 0x20 && c != '"' && c != '\\') {
                    i++;
                    continue;
                }
            } else {
                return failIndex(i, "unterminated string");
            }
            if (c == '"') {
                p = i + 1;
                return i;
            } else if (c == '\\') {
                if ((i = escape(i)) < 0) {
                    return -1;
                }
            } else if (c >= 0) {
                return failIndex(i, "raw control character in a string");
            } else if ((i = utf8(i)) < 0) {
                return -1;
            }
        }
    }

    /**
     * SWAR byte tests on eight bytes: the high bit of each byte that is not plain ASCII (below 0x20, a quote, a
     * backslash or non-ASCII) is set; the lowest set bit is always exact (false positives only sit above a true one).
     */
    private static long special(long x) {
        // non-ASCII (x) or control ((x - 0x20..) & ~x) is x | (x - 0x20..): the high bit of a byte below 0x20
        long q = x ^ 0x2222222222222222L;
        long s = x ^ 0x5C5C5C5C5C5C5C5CL;
        return (x | (x - 0x2020202020202020L) | (q - ONES) & ~q | (s - ONES) & ~s) & HIGHS;
    }

    /** A canonical escape at {@code i}: one of \" \\ \b \t \n \f \r, or \\u00xx (lowercase) for other controls. */
    private int escape(int i) {
        if (i + 1 >= end) {
            return failIndex(i, "unterminated escape");
        }
        switch (b[i + 1]) {
            case '"', '\\', 'b', 't', 'n', 'f', 'r':
                return i + 2;
            case 'u':
                if (i + 5 < end && b[i + 2] == '0' && b[i + 3] == '0' && (b[i + 4] == '0' || b[i + 4] == '1')) {
                    int low = hexLower(b[i + 5]);
                    int value = (b[i + 4] - '0') << 4 | low;
                    if (low >= 0 && value != 0x08 && value != 0x09 && value != 0x0A && value != 0x0C && value != 0x0D) {
                        return i + 6;
                    }
                }
                return failIndex(i, "non-canonical \\u escape (only U+0000..U+001F without a short form, in lowercase)");
            default:
                return failIndex(i, "non-canonical escape");
        }
    }

    /** A strict UTF-8 sequence starting with a non-ASCII byte at {@code i}; returns the next index or -1. */
    private int utf8(int i) {
        int c0 = b[i] & 0xFF;
        if (c0 >= 0xC2 && c0 <= 0xDF && i + 1 < end && (b[i + 1] & 0xC0) == 0x80) {
            return i + 2; // U+0080..U+07FF: never overlong, a surrogate nor a noncharacter
        }
        int need;
        int min;
        int cp;
        if (c0 >= 0xC2 && c0 <= 0xDF) {
            need = 1;
            min = 0x80;
            cp = c0 & 0x1F;
        } else if (c0 >= 0xE0 && c0 <= 0xEF) {
            need = 2;
            min = 0x800;
            cp = c0 & 0x0F;
        } else if (c0 >= 0xF0 && c0 <= 0xF4) {
            need = 3;
            min = 0x10000;
            cp = c0 & 0x07;
        } else {
            return failIndex(i, "invalid UTF-8");
        }
        if (i + need >= end) {
            return failIndex(i, "truncated UTF-8");
        }
        for (int k = 1; k <= need; k++) {
            int cont = b[i + k] & 0xFF;
            if ((cont & 0xC0) != 0x80) {
                return failIndex(i, "invalid UTF-8");
            }
            cp = cp << 6 | cont & 0x3F;
        }
        if (cp < min || cp > 0x10FFFF || cp >= 0xD800 && cp <= 0xDFFF) {
            return failIndex(i, "invalid UTF-8 (overlong, surrogate or out of range)");
        }
        if (Jcs.isNoncharacter(cp)) {
            return failIndex(i, "Unicode noncharacter (not I-JSON)");
        }
        return i + need + 1;
    }

    /** The members of {@code object} or {@code details}, whose opening brace was consumed. */
    private boolean members(Members into, boolean isObject) {
        if (p < end && b[p] == '}') {
            return fail(isObject ? "object must have a type" : "empty details must be omitted");
        }
        boolean hasType = false;
        int previousStart = -1;
        int previousEnd = -1;
        while (true) {
            if (p >= end || b[p] != '"') {
                return fail("expected a member name");
            }
            int keyStart = ++p;
            while (p < end && isKeyByte(b[p])) {
                p++;
            }
            int keyEnd = p;
            if (p >= end || b[p] != '"' || keyEnd == keyStart || keyEnd - keyStart > MAX_KEY_LENGTH) {
                return failAt(keyStart, "keys are 1 to 64 characters among A-Z a-z 0-9 _ . -");
            }
            if (previousStart >= 0 && Arrays.compareUnsigned(b, previousStart, previousEnd, b, keyStart, keyEnd) >= 0) {
                return failAt(keyStart, "keys not in ascending JCS order, or repeated");
            }
            p++;
            if (end - p < 2 || b[p] != ':' || b[p + 1] != '"') {
                return fail("expected :\" after a key (values are strings)");
            }
            p += 2;
            int valueStart = p;
            int valueEnd = string();
            if (valueEnd < 0) {
                return false;
            }
            if (isObject && Arrays.equals(b, keyStart, keyEnd, TYPE, 0, TYPE.length)) {
                if (blank(valueStart, valueEnd)) {
                    return failAt(valueStart, "object type is blank");
                }
                hasType = true;
            }
            into.add(keyStart, keyEnd, valueStart, valueEnd);
            previousStart = keyStart;
            previousEnd = keyEnd;
            if (p < end && b[p] == ',') {
                p++;
            } else if (p < end && b[p] == '}') {
                p++;
                return !isObject || hasType || fail("object must have a type");
            } else {
                return fail("expected , or } in an object");
            }
        }
    }

    /** A seq: 0 or a decimal without leading zero, at most {@link #MAX_SEQ}; -1 if invalid. */
    private long number() {
        int start = p;
        long value = 0;
        while (p < end && b[p] >= '0' && b[p] <= '9') {
            if (p - start == 16) {
                failAt(start, "seq exceeds 2^53-1");
                return -1;
            }
            value = value * 10 + (b[p] - '0');
            p++;
        }
        if (p == start || b[start] == '0' && p - start > 1 || value > MAX_SEQ) {
            failAt(start, "seq is a decimal integer from 0 to 2^53-1 without leading zero");
            return -1;
        }
        return value;
    }

    /** A time string whose opening quote was consumed, with its closing quote. */
    private long time() {
        long micros = end - p > UtcMicros.LENGTH && b[p + UtcMicros.LENGTH] == '"'
                ? parseTime(p) : UtcMicros.INVALID;
        if (micros == UtcMicros.INVALID) {
            fail("times are UTC with exactly six fractional digits, like 2026-11-25T20:45:23.127509Z");
            return UtcMicros.INVALID;
        }
        p += UtcMicros.LENGTH + 1;
        return micros;
    }

    /**
     * {@link UtcMicros#parse} of the time string at {@code offset}, remembering the last valid date: consecutive
     * entries mostly share their date (10 bytes), whose checks and epoch day are then reused and only the time of day
     * is parsed.
     */
    private long parseTime(int offset) {
        long date = (long) LONGS.get(b, offset);
        short date2 = (short) SHORTS.get(b, offset + Long.BYTES);
        if (dateCached && date == cachedDate && date2 == cachedDate2) {
            long timeOfDay = UtcMicros.parseTimeOfDay(b, offset);
            return timeOfDay == UtcMicros.INVALID ? UtcMicros.INVALID : cachedDateMicros + timeOfDay;
        }
        long micros = UtcMicros.parse(b, offset);
        if (micros != UtcMicros.INVALID) {
            cachedDate = date;
            cachedDate2 = date2;
            cachedDateMicros = micros - UtcMicros.parseTimeOfDay(b, offset);
            dateCached = true;
        }
        return micros;
    }

    /** Whether the canonical string content in [start, end) is blank in the sense of {@link String#isBlank()}. */
    private boolean blank(int start, int stop) {
        for (int i = start; i < stop; i++) {
            int c = b[i];
            if (c == ' ') {
                continue;
            }
            if (c < 0) {
                return decode(b, start, stop).isBlank();
            }
            if (c != '\\') {
                return false;
            }
            byte e = b[i + 1];
            if (e == 't' || e == 'n' || e == 'f' || e == 'r') {
                i++;
            } else if (e == 'u') {
                int value = (b[i + 4] - '0') << 4 | hexLower(b[i + 5]);
                if (value != 0x0B && (value < 0x1C || value > 0x1F)) {
                    return false;
                }
                i += 5;
            } else {
                return false;
            }
        }
        return true;
    }

    private static boolean isKeyByte(byte c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_' || c == '.'
                || c == '-';
    }

    static boolean isKey(String key) {
        if (key.isEmpty() || key.length() > MAX_KEY_LENGTH) {
            return false;
        }
        for (int i = 0; i < key.length(); i++) {
            char c = key.charAt(i);
            if (c >= 0x80 || !isKeyByte((byte) c)) {
                return false;
            }
        }
        return true;
    }

    private static int hexLower(byte c) {
        if (c >= '0' && c <= '9') {
            return c - '0';
        }
        return c >= 'a' && c <= 'f' ? c - 'a' + 10 : -1;
    }

    private boolean fail(String reason) {
        return failAt(p, reason);
    }

    private boolean failAt(int index, String reason) {
        failOffset = index - base;
        failReason = reason;
        return false;
    }

    private int failIndex(int index, String reason) {
        failAt(index, reason);
        return -1;
    }

    /** Decodes the content of a canonical string (between its quotes). */
    static String decode(byte[] bytes, int start, int stop) {
        int i = start;
        while (i < stop && bytes[i] != '\\') {
            i++;
        }
        if (i == stop) {
            return new String(bytes, start, stop - start, StandardCharsets.UTF_8);
        }
        StringBuilder text = new StringBuilder(stop - start);
        int run = start;
        while (i < stop) {
            if (bytes[i] != '\\') {
                i++;
                continue;
            }
            text.append(new String(bytes, run, i - run, StandardCharsets.UTF_8));
            char e = (char) bytes[i + 1];
            switch (e) {
                case 'b' -> text.append('\b');
                case 't' -> text.append('\t');
                case 'n' -> text.append('\n');
                case 'f' -> text.append('\f');
                case 'r' -> text.append('\r');
                case 'u' -> text.append((char) Integer.parseInt(new String(bytes, i + 2, 4, StandardCharsets.US_ASCII), 16));
                default -> text.append(e);
            }
            i += e == 'u' ? 6 : 2;
            run = i;
        }
        text.append(new String(bytes, run, stop - run, StandardCharsets.UTF_8));
        return text.toString();
    }

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }

    /** Spans of the members of an object of strings: key start, key end, value start, value end. */
    static final class Members {
        private int[] spans = new int[16];
        private int count;

        void clear() {
            count = 0;
        }

        void add(int keyStart, int keyEnd, int valueStart, int valueEnd) {
            if (count * 4 + 4 > spans.length) {
                spans = Arrays.copyOf(spans, spans.length * 2);
            }
            int i = count++ * 4;
            spans[i] = keyStart;
            spans[i + 1] = keyEnd;
            spans[i + 2] = valueStart;
            spans[i + 3] = valueEnd;
        }

        Map<String, String> toMap(byte[] bytes) {
            Map<String, String> map = new TreeMap<>();
            for (int i = 0; i < count * 4; i += 4) {
                map.put(new String(bytes, spans[i], spans[i + 1] - spans[i], StandardCharsets.US_ASCII),
                        decode(bytes, spans[i + 2], spans[i + 3]));
            }
            return map;
        }
    }
}
