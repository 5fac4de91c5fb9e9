package fr.regard.verifier;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import fr.regard.journal.format.BundleFiles;
import fr.regard.journal.format.JournalBundle;
import fr.regard.journal.format.JournalFixture;

/**
 * The shaded jar is self-contained (verifier/README.md): {@code java -jar target/regard-verifier.jar} runs as a
 * separate process with nothing else on its class path, BouncyCastle included, and returns the documented exit
 * codes.
 */
class VerifierJarIT {

    private static JournalFixture journal;
    private static TestTsa tsa;

    @TempDir
    Path temp;

    @BeforeAll
    static void journal() throws Exception {
        tsa = TestTsa.create(java.time.Instant.parse("2030-01-01T00:00:00Z"));
        journal = JournalFixture.create(500, 100).timestampedWith(tsa::timestamp);
    }

    @Test
    void the_jar_verifies_a_genuine_bundle_with_timestamps_and_exits_0() throws Exception {
        Path zip = journal.writeZip(temp.resolve("journal.zip"), journal.bundle());
        Path pem = Files.writeString(temp.resolve("tsa.pem"), tsa.pem());

        Result result = java("journal", "--vkey", journal.verifier().verifierKey(), "--tsa-cert", pem.toString(),
                zip.toString());

        assertThat(result.code()).as(result.output()).isZero();
        assertThat(result.output()).contains("✔ Horodatages RFC 3161 des points de contrôle : 5 jeton(s) valide(s)")
                .endsWith("VÉRIFICATION RÉUSSIE\n");
    }

    @Test
    void the_jar_exits_1_on_a_tampered_bundle_and_2_on_bad_usage() throws Exception {
        Path bundle = journal.writeDirectory(temp.resolve("b"), journal.bundle());
        BundleFiles.edit(bundle, JournalBundle.ENTRIES, lines -> {
            lines.remove(123);
            return lines;
        });

        Result tampered = java("journal", "--vkey", journal.verifier().verifierKey(), bundle.toString());
        Result usage = java("journal", "--vkey", "garbage", bundle.toString());

        assertThat(tampered.code()).as(tampered.output()).isEqualTo(1);
        assertThat(tampered.output()).endsWith("VÉRIFICATION ÉCHOUÉE — première séquence en cause : 123\n");
        assertThat(usage.code()).isEqualTo(2);
        assertThat(usage.output().strip()).startsWith("Erreur : clé de vérification mal formée").doesNotContain("\n");
    }

    private record Result(int code, String output) {
    }

    private Result java(String... args) throws IOException, InterruptedException {
        Path jar = Path.of(System.getProperty("verifier.jar", "target/regard-verifier.jar"));
        assertThat(jar).as("run after package (failsafe)").isRegularFile();
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", jar.toString()));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        byte[] output = process.getInputStream().readAllBytes();
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return new Result(process.exitValue(), new String(output, StandardCharsets.UTF_8));
    }
}
