package fr.regard.verifier;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import fr.regard.journal.format.BundleFiles;
import fr.regard.journal.format.JournalAudit;
import fr.regard.journal.format.JournalBundle;
import fr.regard.journal.format.JournalFixture;

/**
 * {@code journal --threads n} (verifier/README.md): the verification prints exactly the same report and exits with
 * the same code on one thread ({@code --threads 1}, the single-thread path) as on several, for genuine and tampered
 * bundles; a number outside 1 to {@link JournalAudit#MAX_THREADS} is a usage error.
 */
class JournalThreadsOptionTest {

    private static JournalFixture journal;
    private static String vkey;

    @TempDir
    Path temp;

    @BeforeAll
    static void journal() {
        journal = JournalFixture.create(1000, 100).timestampedWith(JournalFixture::fakeToken);
        vkey = journal.verifier().verifierKey();
    }

    @Test
    void the_report_is_the_same_on_one_thread_and_on_several() throws IOException {
        List<Path> bundles = new ArrayList<>();
        bundles.add(journal.writeZip(temp.resolve("genuine.zip"), journal.bundle()));
        bundles.add(journal.writeDirectory(temp.resolve("middle"), journal.bundle(350, 999, 1000, OptionalLong.empty())));
        Path modified = journal.writeDirectory(temp.resolve("modified"), journal.bundle());
        BundleFiles.edit(modified, JournalBundle.ENTRIES, lines -> {
            lines.set(450, lines.get(450).replace("\"role\":\"", "\"role\":\"X"));
            lines.set(451, lines.get(451).replace("\"v\":1}", "\"v\": 1}"));
            lines.remove(700);
            return lines;
        });
        bundles.add(modified);
        Path hashes = journal.writeDirectory(temp.resolve("hashes"), journal.bundle());
        BundleFiles.edit(hashes, JournalBundle.LEAF_HASHES, lines -> {
            for (int i = 0; i < lines.size(); i += 9) {
                lines.set(i, lines.get(i).toUpperCase());
            }
            return lines.subList(0, 900);
        });
        bundles.add(hashes);
        Path truncated = journal.writeDirectory(temp.resolve("truncated"), journal.bundle());
        BundleFiles.edit(truncated, JournalBundle.ENTRIES, lines -> lines.subList(0, 800));
        BundleFiles.edit(truncated, JournalBundle.LEAF_HASHES, lines -> lines.subList(0, 800));
        bundles.add(truncated);

        for (Path bundle : bundles) {
            CliRun single = CliRun.of("journal", "--vkey", vkey, "--threads", "1", bundle.toString());
            assertThat(single.err()).isEmpty();
            for (String[] threads : List.of(new String[] {"--threads", "2"}, new String[] {"--threads=3"},
                    new String[] {"--threads", String.valueOf(JournalAudit.MAX_THREADS)}, new String[] {})) {
                List<String> args = new ArrayList<>(List.of("journal", "--vkey", vkey));
                args.addAll(List.of(threads));
                args.add(bundle.toString());
                CliRun run = CliRun.of(args.toArray(String[]::new));
                assertThat(run).as("%s on %s", String.join(" ", threads), bundle).isEqualTo(single);
            }
        }
    }

    @Test
    void a_number_of_threads_outside_the_range_is_a_usage_error() throws IOException {
        Path bundle = journal.writeDirectory(temp.resolve("b"), journal.bundle(0, 9, 1000, OptionalLong.empty()));
        for (String value : new String[] {"0", "-1", String.valueOf(JournalAudit.MAX_THREADS + 1), "deux", "1.5", ""}) {
            CliRun run = CliRun.of("journal", "--vkey", vkey, "--threads=" + value, bundle.toString());
            assertThat(run.exitCode()).as(value).isEqualTo(VerifierCli.USAGE_ERROR);
            assertThat(run.out()).isEmpty();
            assertThat(run.err().strip()).as(value).doesNotContain("\n")
                    .isEqualTo("Erreur : --threads attend un nombre de 1 à " + JournalAudit.MAX_THREADS + ", pas « "
                            + value + " »");
        }
        CliRun twice = CliRun.of("journal", "--vkey", vkey, "--threads", "1", "--threads", "2", bundle.toString());
        assertThat(twice.exitCode()).isEqualTo(VerifierCli.USAGE_ERROR);
        assertThat(twice.err().strip()).isEqualTo("Erreur : --threads est donnée deux fois");
        CliRun missing = CliRun.of("journal", "--vkey", vkey, bundle.toString(), "--threads");
        assertThat(missing.exitCode()).isEqualTo(VerifierCli.USAGE_ERROR);
        assertThat(missing.err().strip()).isEqualTo("Erreur : --threads attend une valeur");
    }

    @Test
    void the_help_documents_the_option() {
        CliRun run = CliRun.of("journal", "--help");

        assertThat(run.out()).contains("[--threads <n>]").contains("--threads <n>  ")
                .contains(JournalAudit.MAX_DEFAULT_THREADS + " au plus) ; 1 pour tout vérifier sur un seul fil");
    }
}
