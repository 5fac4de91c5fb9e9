package fr.regard.journal.format;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.util.List;

import org.junit.jupiter.api.Test;

/** Round trips and rejections of C2SP signed notes with freshly generated keys. */
class SignedNoteTest {

    private static final String TEXT = "Journal Regard — ville de Rennes\nDemande n° 2024-0042 clôturée\n";

    private final NoteSigner journal = NoteSigner.generate("regard.example/journal");

    @Test
    void a_signed_note_opens_with_the_signer_verifier_key_and_keeps_its_text() throws Exception {
        SignedNote note = SignedNote.sign(TEXT, journal);

        NoteVerifier pinned = NoteVerifier.parse(journal.verifier().verifierKey());
        VerifiedNote opened = SignedNote.open(note.toBytes(), List.of(pinned));

        assertThat(opened.text()).isEqualTo(TEXT);
        assertThat(opened.isVerifiedBy(pinned)).isTrue();
        assertThat(SignedNote.parse(note.format())).isEqualTo(note);
        assertThat(note.format()).startsWith(TEXT + "\n\u2014 regard.example/journal ").endsWith("\n");
    }

    @Test
    void a_signer_key_string_round_trips_to_the_same_key() {
        NoteSigner restored = NoteSigner.parse(journal.signerKey());

        assertThat(restored.verifier()).isEqualTo(journal.verifier());
        assertThat(SignedNote.sign(TEXT, restored)).isEqualTo(SignedNote.sign(TEXT, journal));
        assertThat(journal.toString()).doesNotContain("PRIVATE").contains(journal.verifier().verifierKey());
    }

    @Test
    void a_jdk_key_pair_such_as_a_token_key_can_sign_without_an_exportable_seed() throws Exception {
        KeyPair pair = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        NoteSigner signer = NoteSigner.of("regard.example/hsm", pair.getPrivate(), pair.getPublic());

        VerifiedNote opened = SignedNote.open(SignedNote.sign(TEXT, signer).toBytes(), List.of(signer.verifier()));

        assertThat(opened.text()).isEqualTo(TEXT);
        assertThat(NoteVerifier.of("regard.example/hsm", pair.getPublic())).isEqualTo(signer.verifier());
        assertThat(signer.hasSignerKey()).isFalse();
        assertThatThrownBy(signer::signerKey).isInstanceOf(IllegalStateException.class);
        KeyPair other = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        assertThatThrownBy(() -> NoteSigner.of("regard.example/hsm", other.getPrivate(), pair.getPublic()))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void a_cosignature_is_added_and_a_new_signature_by_the_same_key_replaces_the_old_one() throws Exception {
        NoteSigner witness = NoteSigner.generate("witness.example/w1");
        SignedNote note = SignedNote.sign(TEXT, journal).cosign(witness);

        assertThat(note.signatures()).extracting(NoteSignature::keyName)
                .containsExactly("regard.example/journal", "witness.example/w1");
        assertThat(note.cosign(journal).signatures()).hasSize(2);
        VerifiedNote opened = SignedNote.open(note.toBytes(), List.of(journal.verifier(), witness.verifier()));
        assertThat(opened.verifiedSignatures()).hasSize(2);
    }

    @Test
    void the_text_is_split_from_the_signatures_at_the_last_blank_line() throws Exception {
        String text = "first paragraph\n\nsecond paragraph\n\n";
        SignedNote note = SignedNote.sign(text, journal);

        assertThat(SignedNote.open(note.toBytes(), List.of(journal.verifier())).text()).isEqualTo(text);
    }

    @Test
    void a_key_with_the_same_name_but_another_key_id_is_ignored_not_trusted() {
        NoteSigner impostor = NoteSigner.generate("regard.example/journal");
        byte[] forged = SignedNote.sign(TEXT, impostor).toBytes();

        assertThatThrownBy(() -> SignedNote.open(forged, List.of(journal.verifier())))
                .isInstanceOf(NoteVerificationException.class)
                .extracting(e -> ((NoteVerificationException) e).reason())
                .isEqualTo(NoteVerificationException.Reason.NO_KNOWN_SIGNATURE);
    }

    @Test
    void a_tampered_text_or_signature_is_refused() {
        String signed = SignedNote.sign(TEXT, journal).format();
        List<NoteVerifier> known = List.of(journal.verifier());

        assertReason(signed.replace("0042", "0043"), known, NoteVerificationException.Reason.INVALID_SIGNATURE);
        // A character inside the Base64 signature (all six bits are data there, so the text stays canonical:
        // changing the last character could set padding bits and make the note malformed instead).
        int inside = signed.length() - 12;
        char changed = signed.charAt(inside) == 'A' ? 'B' : 'A';
        String alteredSignature = signed.substring(0, inside) + changed + signed.substring(inside + 1);
        assertReason(alteredSignature, known, NoteVerificationException.Reason.INVALID_SIGNATURE);
    }

    @Test
    void non_canonical_base64_and_bad_key_names_are_malformed() {
        String signed = SignedNote.sign(TEXT, journal).format();
        List<NoteVerifier> known = List.of(journal.verifier());

        assertReason(signed.replace("=\n", "\n"), known, NoteVerificationException.Reason.MALFORMED);
        assertReason(signed.replace("\u2014 ", "- "), known, NoteVerificationException.Reason.MALFORMED);
        assertReason(signed.replace("\u2014 regard.example/journal", "\u2014 regard+journal"), known,
                NoteVerificationException.Reason.MALFORMED);
        assertReason(signed.replace("\n", "\r\n"), known, NoteVerificationException.Reason.MALFORMED);
        assertReason(TEXT + "\n\u2014 regard.example/journal AAAA\n", known, NoteVerificationException.Reason.MALFORMED);
    }

    @Test
    void texts_and_names_that_cannot_be_signed_are_refused() {
        assertThatThrownBy(() -> SignedNote.sign("no final newline", journal)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SignedNote.sign("", journal)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SignedNote.sign("tab\there\n", journal)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SignedNote.sign("lone \ud800 surrogate\n", journal)).isInstanceOf(IllegalArgumentException.class);
        for (String name : List.of("", "a+b", "a b", "a\u00a0b", "a\u2003b", "tab\t")) {
            assertThatThrownBy(() -> NoteSigner.generate(name)).as("name %s", name).isInstanceOf(IllegalArgumentException.class);
        }
        assertThatThrownBy(() -> new SignedNote(TEXT, List.of())).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void the_raw_public_key_and_seed_forms_interconvert() {
        NoteVerifier verifier = journal.verifier();
        assertThat(NoteVerifier.of(verifier.name(), verifier.publicKey())).isEqualTo(verifier);
        byte[] seed = new byte[32];
        seed[0] = 7;
        NoteSigner fromSeed = NoteSigner.fromSeed("regard.example/seeded", seed);
        byte[] message = "message\n".getBytes(StandardCharsets.UTF_8);
        assertThat(fromSeed.verifier().verify(message, fromSeed.sign(message))).isTrue();
        assertThat(fromSeed.verifier().verify(message, new byte[64])).isFalse();
        assertThat(fromSeed.verifier().verify(message, new byte[3])).isFalse();
    }

    private static void assertReason(String note, List<NoteVerifier> known, NoteVerificationException.Reason reason) {
        assertThatThrownBy(() -> SignedNote.open(note.getBytes(StandardCharsets.UTF_8), known))
                .as(note)
                .isInstanceOf(NoteVerificationException.class)
                .extracting(e -> ((NoteVerificationException) e).reason())
                .isEqualTo(reason);
    }
}
