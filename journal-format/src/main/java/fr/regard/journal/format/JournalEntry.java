package fr.regard.journal.format;

import java.time.Instant;
import java.util.Arrays;
import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * A journal entry, version 1, and its canonical encoding (docs/journal-format.md, "Entry"): a JSON object serialised
 * per RFC 8785 (JCS), restricted to strings, integers and objects of strings. Its members, in JCS order, are
 * {@code action}, {@code actor}, {@code details} (optional), {@code object}, {@code purpose} (optional),
 * {@code recordedAt}, {@code role}, {@code seq}, {@code sequencedAt} and {@code v}. The leaf hash that the Merkle
 * tree commits to is {@code SHA-256(0x00 || canonicalBytes())} (RFC 9162 §2.1.1), and {@code seq} is the leaf
 * index.
 *
 * <p>The compact constructor validates and normalises: times are truncated to the microsecond and must fall in
 * years 0000..9999; {@code actor}, {@code role}, {@code action}, a present {@code purpose} and
 * {@code object.type} are not blank; keys of {@code object} and {@code details} are 1 to 64 characters among
 * {@code A-Z a-z 0-9 _ . -}; strings are I-JSON (no lone surrogate, no noncharacter); {@code seq} is 0 to 2^53-1;
 * empty {@code details} are the same as none (the member is omitted). Maps are kept as unmodifiable sorted copies.
 *
 * @param v           format version, always {@link #VERSION}
 * @param seq         position in the journal, 0-based, equal to the Merkle leaf index
 * @param recordedAt  when the fact happened or was recorded by its author
 * @param sequencedAt when the journal gave the entry its seq
 * @param purpose     why it was done, or null when absent
 * @param details     free key/value details, empty when absent
 */
public record JournalEntry(int v, long seq, Instant recordedAt, Instant sequencedAt, String actor, String role,
        String action, Map<String, String> object, String purpose, Map<String, String> details) {

    /** The only version this class reads and writes. */
    public static final int VERSION = 1;
    /** Largest seq, 2^53-1: integers above it have no exact JCS (IEEE 754 double) form. */
    public static final long MAX_SEQ = EntryScanner.MAX_SEQ;

    public JournalEntry {
        if (v != VERSION) {
            throw new IllegalArgumentException("unsupported entry version " + v + " (this code knows version " + VERSION + ")");
        }
        if (seq < 0 || seq > MAX_SEQ) {
            throw new IllegalArgumentException("seq must be within 0..2^53-1: " + seq);
        }
        recordedAt = time(recordedAt, "recordedAt");
        sequencedAt = time(sequencedAt, "sequencedAt");
        actor = nonBlank(actor, "actor");
        role = nonBlank(role, "role");
        action = nonBlank(action, "action");
        object = strings(Objects.requireNonNull(object, "object"), "object");
        if (!object.containsKey("type") || object.get("type").isBlank()) {
            throw new IllegalArgumentException("object must have a non-blank \"type\"");
        }
        if (purpose != null) {
            purpose = nonBlank(purpose, "purpose");
        }
        details = strings(details == null ? Map.of() : details, "details");
    }

    /** An entry of the current version. */
    public JournalEntry(long seq, Instant recordedAt, Instant sequencedAt, String actor, String role, String action,
            Map<String, String> object, String purpose, Map<String, String> details) {
        this(VERSION, seq, recordedAt, sequencedAt, actor, role, action, object, purpose, details);
    }

    /** The RFC 8785 canonical UTF-8 bytes (no newline); what the leaf hash and {@code entries.jsonl} hold. */
    public byte[] canonicalBytes() {
        ByteSink out = new ByteSink(384);
        out.ascii("{\"action\":");
        Jcs.appendString(out, action);
        out.ascii(",\"actor\":");
        Jcs.appendString(out, actor);
        if (!details.isEmpty()) {
            out.ascii(",\"details\":");
            appendObject(out, details);
        }
        out.ascii(",\"object\":");
        appendObject(out, object);
        if (purpose != null) {
            out.ascii(",\"purpose\":");
            Jcs.appendString(out, purpose);
        }
        out.ascii(",\"recordedAt\":\"");
        UtcMicros.append(out, recordedAt);
        out.ascii("\",\"role\":");
        Jcs.appendString(out, role);
        out.ascii(",\"seq\":");
        out.decimal(seq);
        out.ascii(",\"sequencedAt\":\"");
        UtcMicros.append(out, sequencedAt);
        out.ascii("\",\"v\":1}");
        return out.toByteArray();
    }

    /** The RFC 9162 leaf hash {@code SHA-256(0x00 || canonicalBytes())}. */
    public byte[] leafHash() {
        return MerkleHash.leaf(canonicalBytes());
    }

    /**
     * Parses canonical bytes strictly: anything whose re-encoding would differ from the input (whitespace, member
     * order, escapes, number forms, duplicate or unknown members, invalid values...) is rejected with a
     * {@link JournalEntryFormatException} that names the problem and its byte offset.
     */
    public static JournalEntry parse(byte[] canonical) {
        Objects.requireNonNull(canonical, "canonical");
        EntryScanner scanner = new EntryScanner();
        if (!scanner.scan(canonical, 0, canonical.length)) {
            throw EntryDiagnosis.explain(canonical, 0, canonical.length, scanner);
        }
        JournalEntry entry;
        try {
            entry = scanner.toEntry();
        } catch (IllegalArgumentException e) {
            throw new JournalEntryFormatException("invalid entry: " + e.getMessage(), -1);
        }
        byte[] again = entry.canonicalBytes();
        if (!Arrays.equals(again, canonical)) {
            int at = Arrays.mismatch(again, canonical);
            throw new JournalEntryFormatException("not canonical: the re-encoding differs at offset " + at, at);
        }
        return entry;
    }

    /**
     * The seq of canonical entry bytes, after the same strict check as {@link #parse} but without building the
     * record (the verifier's fast path).
     */
    public static long seqOf(byte[] canonical) {
        EntryScanner scanner = new EntryScanner();
        if (!scanner.scan(canonical, 0, canonical.length)) {
            throw EntryDiagnosis.explain(canonical, 0, canonical.length, scanner);
        }
        return scanner.seq;
    }

    /** Whether the bytes are exactly the canonical encoding of a valid entry version 1. */
    public static boolean isCanonical(byte[] bytes, int offset, int length) {
        return new EntryScanner().scan(bytes, offset, length);
    }

    private static void appendObject(ByteSink out, Map<String, String> members) {
        out.write('{');
        boolean first = true;
        for (Map.Entry<String, String> member : members.entrySet()) {
            if (!first) {
                out.write(',');
            }
            first = false;
            Jcs.appendString(out, member.getKey());
            out.write(':');
            Jcs.appendString(out, member.getValue());
        }
        out.write('}');
    }

    private static Instant time(Instant instant, String name) {
        Objects.requireNonNull(instant, name);
        Instant truncated = UtcMicros.truncate(instant);
        if (!UtcMicros.isRepresentable(truncated)) {
            throw new IllegalArgumentException(name + " must fall in years 0000..9999: " + instant);
        }
        return truncated;
    }

    private static String nonBlank(String text, String name) {
        Objects.requireNonNull(text, name);
        if (text.isBlank()) {
            throw new IllegalArgumentException(name + " must not be blank");
        }
        return unicode(text, name);
    }

    private static String unicode(String text, String name) {
        String problem = Jcs.unicodeProblem(text);
        if (problem != null) {
            throw new IllegalArgumentException(name + " is not an I-JSON string: " + problem);
        }
        return text;
    }

    private static SortedMap<String, String> strings(Map<String, String> members, String name) {
        TreeMap<String, String> copy = new TreeMap<>();
        members.forEach((key, value) -> {
            if (key == null || !EntryScanner.isKey(key)) {
                throw new IllegalArgumentException(name + " keys are 1 to " + EntryScanner.MAX_KEY_LENGTH
                        + " characters among A-Z a-z 0-9 _ . -: " + (key == null ? null : '"' + key + '"'));
            }
            copy.put(key, unicode(Objects.requireNonNull(value, name + "." + key), name + "." + key));
        });
        return Collections.unmodifiableSortedMap(copy);
    }
}
