package fr.regard.verifier;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The {@code pdf} command's answers without a Regard seal (a sealed document from the real server is checked by the
 * jar in the ear's DocumentIssueIT): usage errors exit 2 with one French line, an unsealed PDF fails with exit 1.
 */
class PdfCommandTest {

    @TempDir
    Path dir;

    @Test
    void withoutAFileItIsAUsageError() {
        CliRun run = CliRun.of("pdf");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).startsWith("Erreur : indiquez le fichier PDF à vérifier").doesNotContain("Exception");
    }

    @Test
    void aMissingFileOrAFileThatIsNotAPdfIsAUsageError() throws Exception {
        CliRun missing = CliRun.of("pdf", dir.resolve("absent.pdf").toString());
        assertThat(missing.exitCode()).isEqualTo(2);
        assertThat(missing.err()).contains("fichier illisible");

        Path text = Files.writeString(dir.resolve("lettre.pdf"), "Bonjour, ceci n'est pas un PDF");
        CliRun notPdf = CliRun.of("pdf", text.toString());
        assertThat(notPdf.exitCode()).isEqualTo(2);
        assertThat(notPdf.err()).contains("n'est pas un PDF");
    }

    @Test
    void aBadCaFileOrAnUnknownOptionIsAUsageError() throws Exception {
        Path pdf = unsealedPdf();
        Path badCa = Files.writeString(dir.resolve("ca.pem"), "pas un certificat");
        CliRun run = CliRun.of("pdf", "--ca", badCa.toString(), pdf.toString());
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("--ca").contains("illisible");
        assertThat(CliRun.of("pdf", "--vkey", "x", pdf.toString()).exitCode()).isEqualTo(2);
    }

    @Test
    void anUnsealedPdfFailsWithAFrenchReport() throws Exception {
        Path pdf = unsealedPdf();
        CliRun run = CliRun.of("pdf", pdf.toString());
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.out()).contains("Regard — vérification hors ligne d'un document PDF")
                .contains("✘ Cachet électronique : absent")
                .contains("✘ Émis par Regard : non établi")
                .contains("Le document ne porte aucun cachet électronique.");
        assertThat(run.lastLine()).isEqualTo("VÉRIFICATION ÉCHOUÉE");
    }

    @Test
    void helpDescribesThePdfCommand() {
        CliRun run = CliRun.of("--help");
        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("java -jar regard-verifier.jar pdf [--ca <fichier.pem>] <document.pdf>")
                .doesNotContain("pas encore disponible");
    }

    private Path unsealedPdf() throws Exception {
        try (PDDocument document = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            document.addPage(new PDPage());
            document.save(out);
            return Files.write(dir.resolve("document.pdf"), out.toByteArray());
        }
    }

}
