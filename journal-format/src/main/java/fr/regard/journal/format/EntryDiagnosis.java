package fr.regard.journal.format;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Explains why bytes rejected by {@link EntryScanner} are not a canonical {@link JournalEntry} (docs/journal-format.md,
 * "Entry"). Only used on failures, so it may be slow: it reads the bytes as ordinary JSON, then checks the schema,
 * the member order and finally compares with the canonical re-encoding, naming the first problem found.
 */
final class EntryDiagnosis {

    private static final List<String> ORDER = List.of("action", "actor", "details", "object", "purpose",
            "recordedAt", "role", "seq", "sequencedAt", "v");
    private static final Set<String> OPTIONAL = Set.of("details", "purpose");

    private EntryDiagnosis() {
    }

    static JournalEntryFormatException explain(byte[] bytes, int offset, int length, EntryScanner scanner) {
        byte[] input = Arrays.copyOfRange(bytes, offset, offset + length);
        String scannerSays = scanner.failReason + " (offset " + scanner.failOffset + ")";
        Map<?, ?> members;
        try {
            Object value = Json.parse(input);
            if (!(value instanceof Map<?, ?> map)) {
                return new JournalEntryFormatException("not a JSON object", 0);
            }
            members = map;
        } catch (IllegalArgumentException e) {
            return new JournalEntryFormatException("not valid JSON: " + e.getMessage(), scanner.failOffset);
        }
        String problem = schemaProblem(members);
        if (problem == null) {
            problem = orderProblem(members);
        }
        if (problem != null) {
            return new JournalEntryFormatException(problem, scanner.failOffset);
        }
        JournalEntry entry;
        try {
            entry = build(members);
        } catch (IllegalArgumentException e) {
            return new JournalEntryFormatException("invalid entry: " + e.getMessage(), scanner.failOffset);
        }
        byte[] canonical = entry.canonicalBytes();
        int at = Arrays.mismatch(canonical, input);
        if (at < 0) {
            return new JournalEntryFormatException("rejected: " + scannerSays, scanner.failOffset);
        }
        return new JournalEntryFormatException(difference(input, canonical, at), at);
    }

    private static String schemaProblem(Map<?, ?> members) {
        for (Object name : members.keySet()) {
            if (!ORDER.contains(name)) {
                return "unknown member \"" + name + "\"";
            }
        }
        for (String name : ORDER) {
            if (!OPTIONAL.contains(name) && !members.containsKey(name)) {
                return "missing member \"" + name + "\"";
            }
        }
        for (String name : List.of("action", "actor", "purpose", "recordedAt", "role", "sequencedAt")) {
            Object value = members.get(name);
            if (value != null && !(value instanceof String)) {
                return name + " must be a string";
            }
        }
        for (String name : List.of("seq", "v")) {
            if (!(members.get(name) instanceof Long)) {
                return name + " must be an integer";
            }
        }
        if (!Long.valueOf(JournalEntry.VERSION).equals(members.get("v"))) {
            return "unsupported version v=" + members.get("v") + " (this reader knows version 1)";
        }
        for (String name : List.of("object", "details")) {
            Object value = members.get(name);
            if (value == null) {
                continue;
            }
            if (!(value instanceof Map<?, ?> map)) {
                return name + " must be an object";
            }
            for (Map.Entry<?, ?> member : map.entrySet()) {
                if (!(member.getValue() instanceof String)) {
                    return name + "." + member.getKey() + " must be a string";
                }
            }
            if (map.isEmpty() && name.equals("details")) {
                return "empty details must be omitted";
            }
        }
        for (String name : List.of("recordedAt", "sequencedAt")) {
            byte[] time = ((String) members.get(name)).getBytes(StandardCharsets.UTF_8);
            if (time.length != UtcMicros.LENGTH || UtcMicros.parse(time, 0) == UtcMicros.INVALID) {
                return name + " must be a UTC time with exactly six fractional digits, like "
                        + "2026-11-25T20:45:23.127509Z: \"" + members.get(name) + "\"";
            }
        }
        return null;
    }

    private static String orderProblem(Map<?, ?> members) {
        String problem = orderProblem("", new ArrayList<>(members.keySet()));
        for (String name : List.of("object", "details")) {
            if (problem == null && members.get(name) instanceof Map<?, ?> nested) {
                problem = orderProblem(name + ".", new ArrayList<>(nested.keySet()));
            }
        }
        return problem;
    }

    private static String orderProblem(String prefix, List<Object> names) {
        for (int i = 1; i < names.size(); i++) {
            String before = (String) names.get(i - 1);
            String after = (String) names.get(i);
            if (before.compareTo(after) > 0) {
                return "members not in JCS order: \"" + prefix + before + "\" before \"" + prefix + after + "\"";
            }
        }
        return null;
    }

    @SuppressWarnings("unchecked")
    private static JournalEntry build(Map<?, ?> members) {
        byte[] recorded = ((String) members.get("recordedAt")).getBytes(StandardCharsets.US_ASCII);
        byte[] sequenced = ((String) members.get("sequencedAt")).getBytes(StandardCharsets.US_ASCII);
        return new JournalEntry(((Long) members.get("v")).intValue(), (Long) members.get("seq"),
                UtcMicros.toInstant(UtcMicros.parse(recorded, 0)), UtcMicros.toInstant(UtcMicros.parse(sequenced, 0)),
                (String) members.get("actor"), (String) members.get("role"), (String) members.get("action"),
                (Map<String, String>) members.get("object"), (String) members.get("purpose"),
                (Map<String, String>) members.get("details"));
    }

    private static String difference(byte[] input, byte[] canonical, int at) {
        if (at >= input.length) {
            return "truncated: the canonical encoding goes on at offset " + at;
        }
        int found = input[at] & 0xFF;
        if (found == ' ' || found == '\t' || found == '\n' || found == '\r') {
            return "whitespace at offset " + at + " (canonical JSON has none)";
        }
        for (int i = at; i >= Math.max(0, at - 5); i--) {
            if (input[i] == '\\' && (i == 0 || input[i - 1] != '\\')) {
                return "escape sequence at offset " + i + " is not canonical (RFC 8785 escapes only \\\", \\\\, "
                        + "\\b \\t \\n \\f \\r and other control characters as lowercase \\u00xx; every other "
                        + "character is written as UTF-8)";
            }
        }
        if (at >= canonical.length) {
            return "bytes after the end of the entry at offset " + at;
        }
        return "not canonical at offset " + at + ": expected '" + (char) (canonical[at] & 0xFF) + "', found '"
                + (char) found + "'";
    }
}
