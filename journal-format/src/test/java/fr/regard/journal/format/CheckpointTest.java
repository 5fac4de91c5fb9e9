package fr.regard.journal.format;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

import org.junit.jupiter.api.Test;

/** C2SP tlog-checkpoint bodies: the spec example, round trips through signed notes, and strict rejections. */
class CheckpointTest {

    private static final String ORIGIN = "regard.example/journal";
    private static final byte[] ROOT = MerkleHash.leaf("root".getBytes(StandardCharsets.UTF_8));
    private static final String ROOT64 = Base64.getEncoder().encodeToString(ROOT);

    private final NoteSigner logKey = NoteSigner.generate(ORIGIN);

    @Test
    void the_example_checkpoint_of_the_c2sp_specification_parses() throws Exception {
        String signed = "example.com/behind-the-sofa\n20852163\nCsUYapGGPo4dkMgIAUqom/Xajj7h2fB2MPA3j2jxq2I=\n\n"
                + "\u2014 example.com/behind-the-sofa Az3grlgtzPICa5OS8npVmf1Myq/5IZniMp+ZJurmRDeOoRDe4URYN7u5/Zhcyv2q1gGzGku9nTo+zyWE+xeMcTOAYQ8=\n";

        SignedNote note = SignedNote.parse(signed.getBytes(StandardCharsets.UTF_8));
        Checkpoint checkpoint = Checkpoint.parse(note.text());

        assertThat(checkpoint.origin()).isEqualTo("example.com/behind-the-sofa");
        assertThat(checkpoint.size()).isEqualTo(20852163L);
        assertThat(checkpoint.rootHash()).hasSize(32);
        assertThat(checkpoint.extensions()).isEmpty();
        assertThat(checkpoint.toNoteText()).isEqualTo(note.text());
        assertThat(note.signatures()).singleElement().extracting(NoteSignature::keyName).isEqualTo(checkpoint.origin());
        assertThatThrownBy(() -> note.verify(List.of(logKey.verifier())))
                .isInstanceOf(NoteVerificationException.class)
                .extracting(e -> ((NoteVerificationException) e).reason())
                .isEqualTo(NoteVerificationException.Reason.NO_KNOWN_SIGNATURE);
    }

    @Test
    void a_checkpoint_round_trips_through_text_and_through_a_signed_note() throws Exception {
        Checkpoint checkpoint = new Checkpoint(ORIGIN, 42, ROOT, List.of("timestamp 1700000000"));

        assertThat(checkpoint.toNoteText()).isEqualTo(ORIGIN + "\n42\n" + ROOT64 + "\ntimestamp 1700000000\n");
        assertThat(Checkpoint.parse(checkpoint.toNoteText())).isEqualTo(checkpoint);
        assertThat(Checkpoint.open(checkpoint.sign(logKey).toBytes(), logKey.verifier())).isEqualTo(checkpoint);
    }

    @Test
    void a_checkpoint_signed_by_another_key_does_not_open() {
        byte[] signed = new Checkpoint(ORIGIN, 42, ROOT).sign(NoteSigner.generate(ORIGIN)).toBytes();

        assertThatThrownBy(() -> Checkpoint.open(signed, logKey.verifier()))
                .isInstanceOf(NoteVerificationException.class)
                .extracting(e -> ((NoteVerificationException) e).reason())
                .isEqualTo(NoteVerificationException.Reason.NO_KNOWN_SIGNATURE);
    }

    @Test
    void a_validly_signed_note_that_is_not_a_checkpoint_is_malformed() {
        byte[] signed = SignedNote.sign(ORIGIN + "\n042\n" + ROOT64 + "\n", logKey).toBytes();

        assertThatThrownBy(() -> Checkpoint.open(signed, logKey.verifier()))
                .isInstanceOf(NoteVerificationException.class)
                .extracting(e -> ((NoteVerificationException) e).reason())
                .isEqualTo(NoteVerificationException.Reason.MALFORMED);
    }

    @Test
    void the_empty_tree_and_the_largest_size_are_accepted() {
        String emptyRoot = Base64.getEncoder().encodeToString(MerkleHash.emptyTree());
        assertThat(Checkpoint.parse(ORIGIN + "\n0\n" + emptyRoot + "\n").size()).isZero();
        assertThat(Checkpoint.parse(ORIGIN + "\n9223372036854775807\n" + ROOT64 + "\n").size()).isEqualTo(Long.MAX_VALUE);
    }

    @Test
    void malformed_checkpoint_texts_are_rejected() {
        String root31 = Base64.getEncoder().encodeToString(new byte[31]);
        String root33 = Base64.getEncoder().encodeToString(new byte[33]);
        List<String> malformed = List.of(
                "",
                ORIGIN + "\n42\n" + ROOT64,
                ORIGIN + "\n42\n",
                "\n42\n" + ROOT64 + "\n",
                ORIGIN + "\n\n" + ROOT64 + "\n",
                ORIGIN + "\n042\n" + ROOT64 + "\n",
                ORIGIN + "\n00\n" + ROOT64 + "\n",
                ORIGIN + "\n-1\n" + ROOT64 + "\n",
                ORIGIN + "\n+1\n" + ROOT64 + "\n",
                ORIGIN + "\n 1\n" + ROOT64 + "\n",
                ORIGIN + "\n1 \n" + ROOT64 + "\n",
                ORIGIN + "\n\uff11\n" + ROOT64 + "\n",
                ORIGIN + "\n0x10\n" + ROOT64 + "\n",
                ORIGIN + "\n9223372036854775808\n" + ROOT64 + "\n",
                ORIGIN + "\n42\n" + root31 + "\n",
                ORIGIN + "\n42\n" + root33 + "\n",
                ORIGIN + "\n42\n" + ROOT64.replace("=", "") + "\n",
                ORIGIN + "\n42\n" + ROOT64 + "\n\n",
                ORIGIN + "\n42\n" + ROOT64 + "\next\n\n",
                ORIGIN + "\n42\n" + ROOT64 + "\nwith\ttab\n",
                ORIGIN + "\r\n42\n" + ROOT64 + "\n");
        for (String text : malformed) {
            assertThatThrownBy(() -> Checkpoint.parse(text)).as("%s", text).isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    void invalid_checkpoint_values_are_refused_by_the_constructor() {
        assertThatThrownBy(() -> new Checkpoint("", 1, ROOT)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Checkpoint("two\nlines", 1, ROOT)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Checkpoint(ORIGIN, -1, ROOT)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Checkpoint(ORIGIN, 1, new byte[31])).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Checkpoint(ORIGIN, 1, ROOT, List.of(""))).isInstanceOf(IllegalArgumentException.class);
        Checkpoint checkpoint = new Checkpoint(ORIGIN, 1, ROOT);
        checkpoint.rootHash()[0] ^= 1;
        assertThat(checkpoint.rootHash()).isEqualTo(ROOT);
    }

    @Test
    void an_auditor_links_two_signed_checkpoints_with_a_consistency_proof_and_finds_an_entry() throws Exception {
        InMemoryLeafHashes leaves = new InMemoryLeafHashes();
        MerkleTree tree = new MerkleTree(leaves);
        for (int i = 0; i < 300; i++) {
            leaves.appendEntry(("event " + i).getBytes(StandardCharsets.UTF_8));
        }
        byte[] older = new Checkpoint(ORIGIN, 120, tree.rootHash(120)).sign(logKey).toBytes();
        byte[] newer = new Checkpoint(ORIGIN, 300, tree.rootHash(300)).sign(logKey).toBytes();
        ConsistencyProof consistency = tree.consistencyProof(120, 300);
        InclusionProof inclusion = tree.inclusionProof(77, 120);

        NoteVerifier pinned = NoteVerifier.parse(logKey.verifier().verifierKey());
        Checkpoint first = Checkpoint.open(older, pinned);
        Checkpoint second = Checkpoint.open(newer, pinned);

        assertThat(consistency.size1()).isEqualTo(first.size());
        assertThat(consistency.size2()).isEqualTo(second.size());
        assertThat(consistency.verify(first.rootHash(), second.rootHash())).isTrue();
        assertThat(inclusion.verify(MerkleHash.leaf("event 77".getBytes(StandardCharsets.UTF_8)), first.rootHash())).isTrue();
        assertThat(inclusion.verify(MerkleHash.leaf("event 78".getBytes(StandardCharsets.UTF_8)), first.rootHash())).isFalse();
    }
}
