package fr.regard.journal.format;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Strict parsing (docs/journal-format.md, "Entry"): any byte string that is not exactly the canonical encoding is refused
 * with a message naming the problem, and the fast check {@link JournalEntry#isCanonical} agrees.
 */
class JournalEntryRejectionTest {

    private static final String G = JournalEntryTest.GOLDEN_JSON;

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            whitespace after a colon         | `"action":"CASE`                         | `"action": "CASE`                         | whitespace at offset 10
            whitespace before the end        | `"v":1}`                                 | `"v":1 }`                                 | whitespace at offset
            newline at the end               | `"v":1}`                                 | `"v":1}\n`                                | whitespace at offset 340
            reordered top-level members      | `"action":"CASE_RECEIVED","actor":"dpo"` | `"actor":"dpo","action":"CASE_RECEIVED"`  | members not in JCS order: "actor" before "action"
            reordered nested keys            | `"id":"DA-2026-000001","type":"case"`    | `"type":"case","id":"DA-2026-000001"`     | members not in JCS order: "object.type" before "object.id"
            é escaped as u00e9               | `accès`                                  | `acc\\u00e8s`                             | escape sequence at offset
            slash escaped                    | `art. 15`                                | `art\\/ 15`                               | escape sequence at offset
            leading zero in seq              | `"seq":1234`                             | `"seq":01234`                             | leading zeros
            duplicate member                 | `"v":1}`                                 | `"v":1,"v":1}`                            | duplicate member name "v"
            duplicate nested key             | `"type":"case"}`                         | `"type":"case","type":"case"}`            | duplicate member name "type"
            unknown member                   | `"v":1}`                                 | `"v":1,"x":"y"}`                          | unknown member "x"
            missing member                   | `"role":"DPO",`                          | ``                                        | missing member "role"
            version 2                        | `"v":1}`                                 | `"v":2}`                                  | unsupported version v=2
            fractional seq                   | `"seq":1234`                             | `"seq":1234.0`                            | numbers must be integers
            exponent seq                     | `"seq":1234`                             | `"seq":1.234e3`                           | numbers must be integers
            negative seq                     | `"seq":1234`                             | `"seq":-1`                                | seq must be within
            seq as a string                  | `"seq":1234`                             | `"seq":"1234"`                            | seq must be an integer
            time in milliseconds             | `20:45:23.127509Z`                       | `20:45:23.127Z`                           | recordedAt must be a UTC time with exactly six fractional digits
            time with an offset              | `20:45:23.131002Z`                       | `21:45:23.131002+01:00`                   | sequencedAt must be a UTC time
            empty details                    | `"details":{"channel":"web","place":"Gare Lille-Flandres, sortie rue de Tournai"},` | `"details":{},` | empty details must be omitted
            object without type              | `,"type":"case"`                         | ``                                        | object must have a non-blank "type"
            blank actor                      | `"actor":"dpo"`                          | `"actor":"  "`                            | actor must not be blank
            number value in object           | `"type":"case"`                          | `"type":1`                                | object.type must be a string
            uppercase hex escape             | `"channel":"web"`                        | `"channel":"w\\u001Feb"`                  | escape sequence at offset
            needless control escape          | `"channel":"web"`                        | `"channel":"w\\u0009eb"`                  | escape sequence at offset
            """)
    void a_non_canonical_variant_is_refused_with_a_message_naming_the_problem(String scenario, String from,
            String to, String message) {
        String variant = G.replace(from, to.replace("\\n", "\n"));
        assertThat(variant).as("the scenario changes the golden entry").isNotEqualTo(G);
        byte[] bytes = variant.getBytes(StandardCharsets.UTF_8);

        assertThatThrownBy(() -> JournalEntry.parse(bytes))
                .isInstanceOf(JournalEntryFormatException.class)
                .hasMessageContaining(message);
        assertThat(JournalEntry.isCanonical(bytes, 0, bytes.length)).isFalse();
        assertThatThrownBy(() -> JournalEntry.seqOf(bytes)).isInstanceOf(JournalEntryFormatException.class);
    }

    @Test
    void invalid_utf8_is_refused() {
        byte[] golden = G.getBytes(StandardCharsets.UTF_8);
        int accent = G.indexOf("accès") + 3;
        byte[] overlong = golden.clone();
        overlong[accent] = (byte) 0xC0;
        overlong[accent + 1] = (byte) 0xA8;
        byte[] truncated = golden.clone();
        truncated[accent + 1] = 's';

        for (byte[] bad : new byte[][] {overlong, truncated}) {
            assertThatThrownBy(() -> JournalEntry.parse(bad)).hasMessageContaining("UTF-8");
            assertThat(JournalEntry.isCanonical(bad, 0, bad.length)).isFalse();
        }
    }

    @Test
    void an_encoded_surrogate_or_noncharacter_is_refused() {
        String surrogate = G.replace("web", "w\uD83D\uDE00b");
        assertThat(JournalEntry.isCanonical(surrogate.getBytes(StandardCharsets.UTF_8), 0,
                surrogate.getBytes(StandardCharsets.UTF_8).length)).isTrue();
        byte[] cesu = G.replace("web", "w\u0001b").getBytes(StandardCharsets.UTF_8);
        byte[] withSurrogate = new byte[cesu.length + 2];
        int at = G.indexOf("web") + 1;
        System.arraycopy(cesu, 0, withSurrogate, 0, at);
        withSurrogate[at] = (byte) 0xED;
        withSurrogate[at + 1] = (byte) 0xA0;
        withSurrogate[at + 2] = (byte) 0x80;
        System.arraycopy(cesu, at + 1, withSurrogate, at + 3, cesu.length - at - 1);
        assertThatThrownBy(() -> JournalEntry.parse(withSurrogate)).isInstanceOf(JournalEntryFormatException.class);

        byte[] nonchar = G.replace("web", "w\uFFFFb").getBytes(StandardCharsets.UTF_8);
        assertThatThrownBy(() -> JournalEntry.parse(nonchar)).hasMessageContaining("noncharacter");
        byte[] escapedSurrogate = G.replace("web", "w\\ud800b").getBytes(StandardCharsets.UTF_8);
        assertThatThrownBy(() -> JournalEntry.parse(escapedSurrogate)).hasMessageContaining("lone surrogate");
    }

    @Test
    void the_offset_of_the_first_offending_byte_is_given() {
        byte[] bytes = G.replace("\"v\":1}", "\"v\":1 }").getBytes(StandardCharsets.UTF_8);

        assertThatThrownBy(() -> JournalEntry.parse(bytes))
                .isInstanceOfSatisfying(JournalEntryFormatException.class,
                        e -> assertThat(e.offset()).isEqualTo(G.length() - 1 + "è".getBytes(StandardCharsets.UTF_8).length - 1));
    }

    @Test
    void empty_and_non_object_inputs_are_refused() {
        for (String bad : new String[] {"", "[]", "null", "{}", "\"x\"", G + G}) {
            byte[] bytes = bad.getBytes(StandardCharsets.UTF_8);
            assertThatThrownBy(() -> JournalEntry.parse(bytes)).isInstanceOf(JournalEntryFormatException.class);
        }
    }
}
