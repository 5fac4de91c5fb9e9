package fr.regard.journal.format;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

/**
 * The canonical entry, version 1 (docs/journal-format.md, "Entry"). Expected bytes and hashes were computed
 * independently with Python: {@code json.dumps(e, sort_keys=True, separators=(',', ':'), ensure_ascii=False)}
 * and {@code hashlib.sha256(b'\x00' + bytes)}.
 */
class JournalEntryTest {

    static final String GOLDEN_JSON = "{\"action\":\"CASE_RECEIVED\",\"actor\":\"dpo\",\"details\":{\"channel\":\"web\","
            + "\"place\":\"Gare Lille-Flandres, sortie rue de Tournai\"},\"object\":{\"id\":\"DA-2026-000001\","
            + "\"type\":\"case\"},\"purpose\":\"Demande d'accès aux images (art. 15 RGPD)\","
            + "\"recordedAt\":\"2026-11-25T20:45:23.127509Z\",\"role\":\"DPO\",\"seq\":1234,"
            + "\"sequencedAt\":\"2026-11-25T20:45:23.131002Z\",\"v\":1}";
    static final String GOLDEN_LEAF_HASH = "c4246992fb8ceba61183f075de14f481acc48cad4fa74e7984bb85077a4cb7b8";

    static JournalEntry golden() {
        Map<String, String> object = new LinkedHashMap<>();
        object.put("type", "case");
        object.put("id", "DA-2026-000001");
        Map<String, String> details = new LinkedHashMap<>();
        details.put("place", "Gare Lille-Flandres, sortie rue de Tournai");
        details.put("channel", "web");
        return new JournalEntry(1234, Instant.parse("2026-11-25T20:45:23.127509Z"),
                Instant.parse("2026-11-25T20:45:23.131002Z"), "dpo", "DPO", "CASE_RECEIVED", object,
                "Demande d'accès aux images (art. 15 RGPD)", details);
    }

    @Test
    void the_golden_entry_encodes_to_the_independently_computed_bytes_and_leaf_hash() {
        JournalEntry entry = golden();

        byte[] bytes = entry.canonicalBytes();

        assertThat(new String(bytes, StandardCharsets.UTF_8)).isEqualTo(GOLDEN_JSON);
        assertThat(bytes).hasSize(340);
        assertThat(HexFormat.of().formatHex(bytes, 0, 32))
                .isEqualTo("7b22616374696f6e223a22434153455f5245434549564544222c226163746f72");
        assertThat(HexFormat.of().formatHex(entry.leafHash())).isEqualTo(GOLDEN_LEAF_HASH);
        assertThat(entry.leafHash()).isEqualTo(MerkleHash.leaf(bytes));
    }

    @Test
    void the_golden_bytes_parse_back_to_an_equal_entry() {
        JournalEntry parsed = JournalEntry.parse(GOLDEN_JSON.getBytes(StandardCharsets.UTF_8));

        assertThat(parsed).isEqualTo(golden());
        assertThat(parsed.object()).containsExactly(Map.entry("id", "DA-2026-000001"), Map.entry("type", "case"));
        assertThat(JournalEntry.seqOf(GOLDEN_JSON.getBytes(StandardCharsets.UTF_8))).isEqualTo(1234);
    }

    @Test
    void strings_are_escaped_like_ecmascript_json_stringify() {
        String text = "q\"b\\s/c\u0000\u0001\b\t\n\u000b\f\r\u001f\u007fé\uD83D\uDE00\u2028\u2029";
        JournalEntry entry = new JournalEntry(0, Instant.parse("2026-01-01T00:00:00Z"),
                Instant.parse("2026-01-01T00:00:00.000001Z"), "system", "SYSTEM", "NOTE", Map.of("type", "note"), null,
                Map.of("text", text));

        byte[] bytes = entry.canonicalBytes();

        String expected = "{\"action\":\"NOTE\",\"actor\":\"system\",\"details\":{\"text\":\"q\\\"b\\\\s/c\\u0000\\u0001"
                + "\\b\\t\\n\\u000b\\f\\r\\u001f\u007fé\uD83D\uDE00\u2028\u2029\"},\"object\":{\"type\":\"note\"},"
                + "\"recordedAt\":\"2026-01-01T00:00:00.000000Z\",\"role\":\"SYSTEM\",\"seq\":0,"
                + "\"sequencedAt\":\"2026-01-01T00:00:00.000001Z\",\"v\":1}";
        assertThat(new String(bytes, StandardCharsets.UTF_8)).isEqualTo(expected);
        assertThat(HexFormat.of().formatHex(entry.leafHash()))
                .isEqualTo("8e7ca0b25378e6da5dfa1490bcb360e551eccb6cf781af6ae5b67142ca498f4f");
        assertThat(JournalEntry.parse(bytes).details()).containsEntry("text", text);
    }

    @Test
    void members_and_nested_keys_come_out_in_jcs_order_whatever_the_input_order() {
        Map<String, String> details = new LinkedHashMap<>();
        details.put("zone", "z");
        details.put("Zone", "Z");
        details.put("a.b", "1");
        details.put("a-b", "2");
        details.put("a_b", "3");
        details.put("10", "x");
        details.put("9", "y");
        JournalEntry entry = new JournalEntry(7, Instant.parse("2026-01-01T00:00:00Z"),
                Instant.parse("2026-01-01T00:00:00Z"), "dpo", "DPO", "X", Map.of("type", "t"), null, details);

        String json = new String(entry.canonicalBytes(), StandardCharsets.UTF_8);

        assertThat(json).startsWith("{\"action\":\"X\",\"actor\":\"dpo\",\"details\":{\"10\":\"x\",\"9\":\"y\","
                + "\"Zone\":\"Z\",\"a-b\":\"2\",\"a.b\":\"1\",\"a_b\":\"3\",\"zone\":\"z\"},\"object\":");
        assertThat(JournalEntry.parse(entry.canonicalBytes())).isEqualTo(entry);
    }

    @Test
    void optional_members_are_omitted_when_absent_and_empty_details_are_none() {
        JournalEntry entry = new JournalEntry(0, Instant.EPOCH, Instant.EPOCH, "system", "SYSTEM", "START",
                Map.of("type", "journal"), null, Map.of());

        assertThat(new String(entry.canonicalBytes(), StandardCharsets.UTF_8)).isEqualTo(
                "{\"action\":\"START\",\"actor\":\"system\",\"object\":{\"type\":\"journal\"},"
                        + "\"recordedAt\":\"1970-01-01T00:00:00.000000Z\",\"role\":\"SYSTEM\",\"seq\":0,"
                        + "\"sequencedAt\":\"1970-01-01T00:00:00.000000Z\",\"v\":1}");
        assertThat(entry.details()).isEmpty();
        assertThat(entry.purpose()).isNull();
        assertThat(new JournalEntry(0, Instant.EPOCH, Instant.EPOCH, "system", "SYSTEM", "START",
                Map.of("type", "journal"), null, null)).isEqualTo(entry);
    }

    @Test
    void times_are_truncated_to_the_microsecond() {
        JournalEntry entry = new JournalEntry(0, Instant.parse("2026-11-25T20:45:23.127509999Z"),
                Instant.parse("2026-11-25T20:45:23Z"), "dpo", "DPO", "X", Map.of("type", "t"), null, null);

        assertThat(entry.recordedAt()).isEqualTo(Instant.parse("2026-11-25T20:45:23.127509Z"));
        assertThat(new String(entry.canonicalBytes(), StandardCharsets.UTF_8))
                .contains("\"recordedAt\":\"2026-11-25T20:45:23.127509Z\"")
                .contains("\"sequencedAt\":\"2026-11-25T20:45:23.000000Z\"");
    }

    @Test
    void the_largest_seq_is_2_pow_53_minus_1_and_years_stay_within_four_digits() {
        JournalEntry largest = new JournalEntry(JournalEntry.MAX_SEQ, Instant.parse("9999-12-31T23:59:59.999999Z"),
                Instant.parse("0000-01-01T00:00:00Z"), "a", "b", "c", Map.of("type", "t"), null, null);

        assertThat(JournalEntry.parse(largest.canonicalBytes())).isEqualTo(largest);
        assertThat(new String(largest.canonicalBytes(), StandardCharsets.UTF_8)).contains("\"seq\":9007199254740991,")
                .contains("\"sequencedAt\":\"0000-01-01T00:00:00.000000Z\"");
        assertThatThrownBy(() -> new JournalEntry(JournalEntry.MAX_SEQ + 1, Instant.EPOCH, Instant.EPOCH, "a", "b",
                "c", Map.of("type", "t"), null, null)).hasMessageContaining("seq");
        assertThatThrownBy(() -> new JournalEntry(0, Instant.parse("+10000-01-01T00:00:00Z"), Instant.EPOCH, "a", "b",
                "c", Map.of("type", "t"), null, null)).hasMessageContaining("years 0000..9999");
    }

    @Test
    void invalid_values_are_refused_by_the_constructor() {
        Instant t = Instant.EPOCH;
        Map<String, String> type = Map.of("type", "case");
        assertThatThrownBy(() -> new JournalEntry(-1, t, t, "a", "b", "c", type, null, null)).hasMessageContaining("seq");
        assertThatThrownBy(() -> new JournalEntry(0, t, t, " \t", "b", "c", type, null, null)).hasMessageContaining("actor");
        assertThatThrownBy(() -> new JournalEntry(0, t, t, "a", "", "c", type, null, null)).hasMessageContaining("role");
        assertThatThrownBy(() -> new JournalEntry(0, t, t, "a", "b", "\u2003", type, null, null)).hasMessageContaining("action");
        assertThatThrownBy(() -> new JournalEntry(0, t, t, "a", "b", "c", Map.of("id", "1"), null, null))
                .hasMessageContaining("type");
        assertThatThrownBy(() -> new JournalEntry(0, t, t, "a", "b", "c", Map.of("type", " "), null, null))
                .hasMessageContaining("type");
        assertThatThrownBy(() -> new JournalEntry(0, t, t, "a", "b", "c", type, " ", null)).hasMessageContaining("purpose");
        assertThatThrownBy(() -> new JournalEntry(0, t, t, "a", "b", "c", type, null, Map.of("clé", "v")))
                .hasMessageContaining("keys");
        assertThatThrownBy(() -> new JournalEntry(0, t, t, "a", "b", "c", type, null, Map.of("", "v")))
                .hasMessageContaining("keys");
        assertThatThrownBy(() -> new JournalEntry(0, t, t, "a\uD800", "b", "c", type, null, null))
                .hasMessageContaining("lone surrogate");
        assertThatThrownBy(() -> new JournalEntry(0, t, t, "a", "b", "c", type, null, Map.of("k", "\uFFFE")))
                .hasMessageContaining("noncharacter");
        assertThatThrownBy(() -> new JournalEntry(2, 0, t, t, "a", "b", "c", type, null, null))
                .hasMessageContaining("version");
    }

    @Test
    void maps_are_immutable_sorted_copies() {
        Map<String, String> object = new LinkedHashMap<>(Map.of("type", "case"));
        JournalEntry entry = new JournalEntry(0, Instant.EPOCH, Instant.EPOCH, "a", "b", "c", object, null, null);
        object.put("id", "changed later");

        assertThat(entry.object()).containsOnlyKeys("type");
        assertThatThrownBy(() -> entry.object().put("x", "y")).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void sample_entries_are_realistic_in_size_and_round_trip() {
        long total = 0;
        int min = Integer.MAX_VALUE;
        int max = 0;
        for (long seq = 0; seq < 2000; seq++) {
            JournalEntry entry = SampleEntries.entry(seq);
            byte[] bytes = entry.canonicalBytes();
            assertThat(JournalEntry.parse(bytes)).isEqualTo(entry);
            total += bytes.length;
            min = Math.min(min, bytes.length);
            max = Math.max(max, bytes.length);
        }
        System.out.printf("sample entries: %d to %d bytes, %d on average%n", min, max, total / 2000);
        assertThat(min).isGreaterThanOrEqualTo(250);
        assertThat(max).isLessThanOrEqualTo(350);
    }
}
