package fr.regard.verifier;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.OptionalLong;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import fr.regard.journal.format.BundleFiles;
import fr.regard.journal.format.JournalBundle;
import fr.regard.journal.format.JournalFixture;
import fr.regard.journal.format.NoteSigner;

/**
 * The {@code journal} command end to end, in process (verifier/README.md): genuine bundles exit 0 with
 * "VÉRIFICATION RÉUSSIE", tampered ones exit 1 naming the first seq in question, usage and input errors exit 2
 * with one line and no stack trace.
 */
class JournalCommandTest {

    private static final Instant GEN_TIME = Instant.parse("2030-01-01T00:00:00Z");

    private static JournalFixture journal;
    private static TestTsa tsa;
    private static String vkey;

    @TempDir
    Path temp;

    @BeforeAll
    static void journal() throws Exception {
        tsa = TestTsa.create(GEN_TIME);
        journal = JournalFixture.create(1000, 100).timestampedWith(tsa::timestamp);
        vkey = journal.verifier().verifierKey();
    }

    @Test
    void genuine_zip_bundle_exits_0_with_one_line_per_check() throws IOException {
        Path zip = journal.writeZip(temp.resolve("journal.zip"), journal.bundle());

        CliRun run = CliRun.of("journal", "--vkey", vkey, zip.toString());

        assertThat(run.exitCode()).as(run.out() + run.err()).isZero();
        assertThat(run.lastLine()).isEqualTo("VÉRIFICATION RÉUSSIE");
        assertThat(run.out()).contains("✔ Signatures des points de contrôle : 10 point(s) de contrôle sur 10 signé(s)")
                .contains("✔ Empreintes des entrées : 1000 empreinte(s) recalculée(s)")
                .contains("– Absence de retour arrière : non vérifiée : aucun point de contrôle connu fourni")
                .contains("– Horodatages RFC 3161 des points de contrôle : 10 jeton(s) non vérifié(s)")
                .doesNotContain("✘");
        assertThat(run.out().lines().filter(line -> line.matches("^[✔✘–] .*"))).hasSize(12);
        assertThat(run.err()).isEmpty();
    }

    @Test
    void genuine_directory_with_timestamps_and_known_checkpoint_exits_0_and_saves_the_newest_checkpoint()
            throws IOException {
        Path bundle = journal.writeDirectory(temp.resolve("b"), journal.bundle(300, 999, 1000, OptionalLong.of(250)));
        Path known = Files.writeString(temp.resolve("known.txt"), journal.signedCheckpoint(250).format());
        Path tsaPem = Files.writeString(temp.resolve("tsa.pem"), TestTsa.pem(tsa.ca));
        Path vkeyFile = Files.writeString(temp.resolve("journal.vkey"), vkey + "\n");
        Path saved = temp.resolve("newest.txt");

        CliRun run = CliRun.of("journal", "--vkey", "@" + vkeyFile, "--known-checkpoint", known.toString(),
                "--tsa-cert=" + tsaPem, "--save-checkpoint", saved.toString(), bundle.toString());

        assertThat(run.exitCode()).as(run.out() + run.err()).isZero();
        assertThat(run.out()).contains("✔ Horodatages RFC 3161 des points de contrôle : 9 jeton(s) valide(s), genTime du "
                + "2030-01-01T00:00:00Z")
                .contains("✔ Absence de retour arrière : le lot (point de contrôle le plus récent de taille 1000) "
                        + "prolonge le point de contrôle connu de taille 250")
                .containsPattern("Autorité d'horodatage : +.*CN=Regard Test Root CA.* \\(--tsa-cert\\)")
                .contains("Point de contrôle de taille 1000 enregistré dans " + saved);
        assertThat(Files.readString(saved)).isEqualTo(journal.signedCheckpoint(1000).format());
    }

    @Test
    void modified_entry_exits_1_naming_its_seq() throws IOException {
        Path bundle = journal.writeDirectory(temp.resolve("b"), journal.bundle());
        BundleFiles.edit(bundle, JournalBundle.ENTRIES, lines -> {
            lines.set(450, lines.get(450).replace("\"role\":\"", "\"role\":\"X"));
            return lines;
        });

        CliRun run = CliRun.of("journal", "--vkey", vkey, bundle.toString());

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.out()).contains("✘ Empreintes des entrées : 1 anomalie\n"
                + "    ✘ Entrée 450 : empreinte recalculée différente de l'empreinte enregistrée\n");
        assertThat(run.lastLine()).isEqualTo("VÉRIFICATION ÉCHOUÉE — première séquence en cause : 450");
    }

    @Test
    void truncated_tail_exits_1_naming_the_first_missing_seq() throws IOException {
        Path bundle = journal.writeDirectory(temp.resolve("b"), journal.bundle());
        BundleFiles.edit(bundle, JournalBundle.ENTRIES, lines -> lines.subList(0, 800));
        BundleFiles.edit(bundle, JournalBundle.LEAF_HASHES, lines -> lines.subList(0, 800));
        BundleFiles.editManifest(bundle, "\"lastSeq\":999", "\"lastSeq\":799");
        BundleFiles.editManifest(bundle, "\"treeSize\":1000", "\"treeSize\":800");

        CliRun run = CliRun.of("journal", "--vkey", vkey, bundle.toString());

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.out()).contains("✘ Couverture des entrées par les points de contrôle (troncature) : 2 anomalies");
        assertThat(run.lastLine()).isEqualTo("VÉRIFICATION ÉCHOUÉE — première séquence en cause : 800");
    }

    @Test
    void rollback_against_the_known_checkpoint_exits_1() throws IOException {
        Path older = journal.writeDirectory(temp.resolve("b"), journal.bundle(0, 799, 800, OptionalLong.empty()));
        Path known = Files.writeString(temp.resolve("known.txt"), journal.signedCheckpoint(1000).format());

        CliRun run = CliRun.of("journal", "--vkey", vkey, "--known-checkpoint", known.toString(), older.toString());

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.out()).contains("✘ Absence de retour arrière : 1 anomalie\n    ✘ Retour arrière :");
        assertThat(run.lastLine()).isEqualTo("VÉRIFICATION ÉCHOUÉE — première séquence en cause : 800");
    }

    @Test
    void a_tampered_timestamp_token_exits_1_when_the_tsa_is_trusted() throws IOException {
        Path bundle = journal.writeDirectory(temp.resolve("b"), journal.bundle());
        BundleFiles.edit(bundle, JournalBundle.CHECKPOINTS, lines -> {
            String line = lines.get(4);
            int token = line.indexOf("\"timestampToken\":\"") + 200;
            char flipped = line.charAt(token) == 'A' ? 'B' : 'A';
            lines.set(4, line.substring(0, token) + flipped + line.substring(token + 1));
            return lines;
        });
        Path tsaPem = Files.writeString(temp.resolve("tsa.pem"), tsa.pem());

        CliRun run = CliRun.of("journal", "--vkey", vkey, "--tsa-cert", tsaPem.toString(), bundle.toString());

        assertThat(run.exitCode()).as(run.out()).isEqualTo(1);
        assertThat(run.out()).contains("✘ Horodatages RFC 3161 des points de contrôle : 1 anomalie\n"
                + "    ✘ Point de contrôle de taille 500 : jeton d'horodatage refusé");
        assertThat(run.lastLine()).isEqualTo("VÉRIFICATION ÉCHOUÉE — première séquence en cause : 400");
    }

    @Test
    void the_bundles_own_tsa_certificate_is_used_but_flagged_as_not_pinned() throws IOException {
        JournalBundle bundle = journal.bundle().toBuilder().tsaCertificatesPem(tsa.pem()).build();
        Path directory = journal.writeDirectory(temp.resolve("b"), bundle);

        CliRun run = CliRun.of("journal", "--vkey", vkey, directory.toString());

        assertThat(run.exitCode()).as(run.out()).isZero();
        assertThat(run.out()).contains("(keys/tsa.pem du lot, non épinglé : préférez --tsa-cert)")
                .contains("✔ Horodatages RFC 3161 des points de contrôle : 10 jeton(s) valide(s)");
    }

    @Test
    void a_bundle_signed_with_another_key_than_the_pinned_one_exits_1_and_warns() throws IOException {
        Path bundle = journal.writeDirectory(temp.resolve("b"), journal.bundle());
        String other = NoteSigner.generate(JournalFixture.ORIGIN).verifier().verifierKey();

        CliRun run = CliRun.of("journal", "--vkey", other, bundle.toString());

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.out()).contains("ATTENTION").contains("10 dans le lot, 0 signé(s) par la clé épinglée")
                .contains("✘ Signatures des points de contrôle : 10 anomalies");
        assertThat(run.lastLine()).isEqualTo("VÉRIFICATION ÉCHOUÉE — première séquence en cause : 0");
    }

    @Test
    void a_malformed_bundle_exits_1_with_the_problem() throws IOException {
        Path bundle = journal.writeDirectory(temp.resolve("b"), journal.bundle());
        Files.writeString(bundle.resolve(JournalBundle.PREFIX), "{\"size\":0}");

        CliRun run = CliRun.of("journal", "--vkey", vkey, bundle.toString());

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.out()).contains("✘ Structure du lot : prefix.json : membre « hashes » manquant");
        assertThat(run.lastLine()).isEqualTo("VÉRIFICATION ÉCHOUÉE — lot mal formé, aucune entrée vérifiée");
    }

    @Test
    void usage_and_input_errors_exit_2_with_one_line_and_no_stack_trace() throws IOException {
        Path bundle = journal.writeDirectory(temp.resolve("b"), journal.bundle(0, 9, 1000, OptionalLong.empty()));
        Path notZip = Files.writeString(temp.resolve("bundle.zip"), "PK but not really");
        Path badKnown = Files.writeString(temp.resolve("known.txt"), "not a note");
        List<String[]> runs = List.of(
                new String[] {},
                new String[] {"verify"},
                new String[] {"pdf", "document.pdf"},
                new String[] {"journal", bundle.toString()},
                new String[] {"journal", "--vkey", vkey},
                new String[] {"journal", "--vkey"},
                new String[] {"journal", "--vkey", vkey, "--frobnicate", bundle.toString()},
                new String[] {"journal", "--vkey", vkey, bundle.toString(), bundle.toString()},
                new String[] {"journal", "--vkey", "not+a+key", bundle.toString()},
                new String[] {"journal", "--vkey", "@" + temp.resolve("missing.vkey"), bundle.toString()},
                new String[] {"journal", "--vkey", vkey, temp.resolve("missing").toString()},
                new String[] {"journal", "--vkey", vkey, notZip.toString()},
                new String[] {"journal", "--vkey", vkey, "--known-checkpoint", badKnown.toString(), bundle.toString()},
                new String[] {"journal", "--vkey", vkey, "--tsa-cert", badKnown.toString(), bundle.toString()});
        for (String[] args : runs) {
            CliRun run = CliRun.of(args);
            assertThat(run.exitCode()).as(String.join(" ", args)).isEqualTo(2);
            assertThat(run.out()).as(String.join(" ", args)).isEmpty();
            assertThat(run.err()).as(String.join(" ", args)).doesNotContain("\tat ").doesNotContain("Exception:");
            if (args.length > 0) {
                assertThat(run.err().strip()).as(String.join(" ", args)).doesNotContain("\n").startsWith("Erreur");
            }
        }
        assertThat(CliRun.of("journal", "--vkey", vkey, notZip.toString()).err()).startsWith("Erreur : archive zip illisible");
        assertThat(CliRun.of("journal", "--vkey", "not+a+key", bundle.toString()).err())
                .startsWith("Erreur : clé de vérification mal formée");
    }

    @Test
    void help_exits_0_and_documents_the_exit_codes() {
        for (String[] args : List.of(new String[] {"--help"}, new String[] {"journal", "--help"})) {
            CliRun run = CliRun.of(args);
            assertThat(run.exitCode()).isZero();
            assertThat(run.out()).contains("--vkey <clé | @fichier>").contains("--known-checkpoint")
                    .contains("Codes de sortie : 0 vérification réussie, 1 vérification échouée, 2 erreur");
        }
    }

    @Test
    void ascii_marks_for_consoles_without_unicode_symbols() throws IOException {
        Path bundle = journal.writeDirectory(temp.resolve("b"), journal.bundle(0, 99, 1000, OptionalLong.empty()));
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();

        int code = VerifierCli.run(new String[] {"journal", "--vkey", vkey, bundle.toString()},
                new java.io.PrintStream(out, true, StandardCharsets.UTF_8), System.err, false);

        assertThat(code).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("[OK] Structure du lot").doesNotContain("✔");
    }
}
