package fr.regard.journal.format;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * Interoperability with golang.org/x/mod/sumdb/note, the reference implementation of C2SP signed notes: the keys,
 * note and signatures below are the test vectors of its note_test.go (TestNewVerifier, TestNewSigner, TestSign,
 * TestOpen). Go slices the signature lines by bytes and the em dash takes three bytes in UTF-8 but one Java char,
 * so Go's offset 60 is Java's 58.
 */
class SignedNoteGoVectorTest {

    private static final String PETER_SIGNER_KEY = "PRIVATE+KEY+PeterNeumann+c74f20a3+AYEKFALVFGyNhPJEMzD1QIDr+Y7hfZx09iUvxdXHKDFz";
    private static final String PETER_KEY = "PeterNeumann+c74f20a3+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW";
    private static final String ENOCH_KEY = "EnochRoot+af0cfe78+ATtqJ7zOtqQtYqOo0CpvDXNlMhV3HeJDpjrASKGLWdop";
    private static final String TEXT = "If you think cryptography is the answer to your problem,\n"
            + "then you don't know what your problem is.\n";
    private static final String PETER_SIG = "\u2014 PeterNeumann x08go/ZJkuBS9UG/SffcvIAQxVBtiFupLLr8pAcElZInNIuGUgYN1FFYC2pZSNXgKvqfqdngotpRZb6KE6RyyBwJnAM=\n";
    private static final String ENOCH_SIG = "\u2014 EnochRoot rwz+eBzmZa0SO3NbfRGzPCpDckykFXSdeX+MNtCOXm2/5n2tiOHp+vAF1aGrQ5ovTG01oOTGwnWLox33WWd1RvMc+QQ=\n";
    private static final int GO_OFFSET_60 = 58;

    private final NoteVerifier peter = NoteVerifier.parse(PETER_KEY);
    private final NoteVerifier enoch = NoteVerifier.parse(ENOCH_KEY);

    @Test
    void the_go_signer_key_signs_the_go_note_byte_for_byte() {
        NoteSigner signer = NoteSigner.parse(PETER_SIGNER_KEY);

        SignedNote note = SignedNote.sign(TEXT, signer);

        assertThat(note.format()).isEqualTo(TEXT + "\n" + PETER_SIG);
        assertThat(signer.name()).isEqualTo("PeterNeumann");
        assertThat(signer.keyId()).isEqualTo(0xc74f20a3);
        assertThat(signer.verifier()).isEqualTo(peter);
        assertThat(signer.verifier().verifierKey()).isEqualTo(PETER_KEY);
        assertThat(signer.signerKey()).isEqualTo(PETER_SIGNER_KEY);
    }

    @Test
    void the_go_verifier_keys_parse_and_print_back_unchanged() {
        assertThat(peter.name()).isEqualTo("PeterNeumann");
        assertThat(peter.keyId()).isEqualTo(0xc74f20a3);
        assertThat(peter.verifierKey()).isEqualTo(PETER_KEY);
        assertThat(enoch.keyId()).isEqualTo(0xaf0cfe78);
        assertThat(enoch.verifierKey()).isEqualTo(ENOCH_KEY);
    }

    @Test
    void the_go_note_opens_with_its_key() throws Exception {
        VerifiedNote note = SignedNote.open(bytes(TEXT + "\n" + PETER_SIG), List.of(peter));

        assertThat(note.text()).isEqualTo(TEXT);
        assertThat(note.verifiedSignatures()).extracting(NoteSignature::line).containsExactly(PETER_SIG);
        assertThat(note.unverifiedSignatures()).isEmpty();
        assertThat(note.isVerifiedBy(peter)).isTrue();
        assertThat(note.isVerifiedBy(enoch)).isFalse();
    }

    @Test
    void a_signature_from_an_unknown_key_is_reported_but_not_trusted() throws Exception {
        byte[] doublySigned = bytes(TEXT + "\n" + PETER_SIG + ENOCH_SIG);

        VerifiedNote peterOnly = SignedNote.open(doublySigned, List.of(peter));
        assertThat(peterOnly.verifiedSignatures()).extracting(NoteSignature::line).containsExactly(PETER_SIG);
        assertThat(peterOnly.unverifiedSignatures()).extracting(NoteSignature::line).containsExactly(ENOCH_SIG);

        VerifiedNote both = SignedNote.open(doublySigned, List.of(peter, enoch));
        assertThat(both.verifiedSignatures()).extracting(NoteSignature::line).containsExactly(PETER_SIG, ENOCH_SIG);
        assertThat(both.unverifiedSignatures()).isEmpty();

        assertThatThrownBy(() -> SignedNote.open(doublySigned, List.of()))
                .isInstanceOf(NoteVerificationException.class)
                .extracting(e -> ((NoteVerificationException) e).reason())
                .isEqualTo(NoteVerificationException.Reason.NO_KNOWN_SIGNATURE);
    }

    @Test
    void repeated_signatures_are_reported_once() throws Exception {
        String enochAbcd = ENOCH_SIG.substring(0, GO_OFFSET_60) + "ABCD" + ENOCH_SIG.substring(GO_OFFSET_60);
        byte[] note = bytes(TEXT + "\n" + PETER_SIG + PETER_SIG + ENOCH_SIG + ENOCH_SIG + enochAbcd);

        VerifiedNote opened = SignedNote.open(note, List.of(peter, peter));

        assertThat(opened.verifiedSignatures()).extracting(NoteSignature::line).containsExactly(PETER_SIG);
        assertThat(opened.unverifiedSignatures()).extracting(NoteSignature::line).containsExactly(ENOCH_SIG, enochAbcd);
    }

    @Test
    void a_bad_signature_from_a_known_key_rejects_the_note() {
        String badPeter = PETER_SIG.substring(0, GO_OFFSET_60) + "ABCD" + PETER_SIG.substring(GO_OFFSET_60);

        assertRejected(bytes(TEXT + "\n" + badPeter), NoteVerificationException.Reason.INVALID_SIGNATURE);
        assertRejected(bytes(TEXT.replace("answer", "Answer") + "\n" + PETER_SIG),
                NoteVerificationException.Reason.INVALID_SIGNATURE);
    }

    @Test
    void the_malformed_notes_of_the_go_tests_are_rejected() {
        ByteArrayOutputStream invalidUtf8 = new ByteArrayOutputStream();
        invalidUtf8.write(0xff);
        invalidUtf8.writeBytes(bytes(TEXT + "\n" + PETER_SIG));
        List<byte[]> malformed = List.of(
                bytes(TEXT),
                bytes(TEXT + "\n"),
                bytes(TEXT + "\n" + PETER_SIG.substring(0, PETER_SIG.length() - 1)),
                bytes("\u0001" + TEXT + "\n" + PETER_SIG),
                invalidUtf8.toByteArray(),
                bytes(TEXT + "\n" + "\u2014 Bad Name x08go/ZJkuBS9UG/SffcvIAQxVBtiFupLLr8pAcElZInNIuGUgYN1FFYC2pZSNXgKvqfqdngotpRZb6KE6RyyBwJnAM="),
                bytes(TEXT + "\n" + PETER_SIG + "Unexpected line.\n"),
                bytes(TEXT + "\n" + PETER_SIG.repeat(SignedNote.MAX_SIGNATURES + 1)));
        for (byte[] note : malformed) {
            assertRejected(note, NoteVerificationException.Reason.MALFORMED);
        }
    }

    @Test
    void every_truncation_or_altered_character_of_the_go_verifier_key_is_refused() {
        for (String mangled : manglings(PETER_KEY)) {
            assertThatThrownBy(() -> NoteVerifier.parse(mangled)).as(mangled).isInstanceOf(IllegalArgumentException.class);
        }
        // Wrong key length and unknown key type, each with a key ID adjusted to match.
        assertThatThrownBy(() -> NoteVerifier.parse(
                "PeterNeumann+cc469956+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TWBADKEY=="))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> NoteVerifier.parse(
                "PeterNeumann+173116ae+ZRpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void every_truncation_or_altered_character_of_the_go_signer_key_is_refused() {
        for (String mangled : manglings(PETER_SIGNER_KEY)) {
            assertThatThrownBy(() -> NoteSigner.parse(mangled)).as(mangled).isInstanceOf(IllegalArgumentException.class);
        }
    }

    /** Every proper substring, and every string with one character incremented (all keys here are ASCII). */
    private static List<String> manglings(String key) {
        java.util.ArrayList<String> result = new java.util.ArrayList<>();
        for (int i = 0; i <= key.length(); i++) {
            for (int j = i + 1; j <= key.length(); j++) {
                if (i != 0 || j != key.length()) {
                    result.add(key.substring(i, j));
                }
            }
        }
        for (int i = 0; i < key.length(); i++) {
            char[] chars = key.toCharArray();
            chars[i]++;
            result.add(new String(chars));
        }
        return result;
    }

    private void assertRejected(byte[] note, NoteVerificationException.Reason reason) {
        assertThatThrownBy(() -> SignedNote.open(note, List.of(peter)))
                .as(new String(note, StandardCharsets.UTF_8))
                .isInstanceOf(NoteVerificationException.class)
                .extracting(e -> ((NoteVerificationException) e).reason())
                .isEqualTo(reason);
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
