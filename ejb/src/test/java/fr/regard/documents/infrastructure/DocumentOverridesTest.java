package fr.regard.documents.infrastructure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.regard.documents.application.DocumentTemplateException;
import fr.regard.documents.application.RenderedDocument;
import fr.regard.documents.domain.ControllerIdentity;
import fr.regard.documents.domain.DocumentType;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.verapdf.pdfa.flavours.PDFAFlavour;

/**
 * The administrator rewords a letter by putting a file of the same name in the override folder; a broken override
 * gives an error naming the file and line, and no document.
 */
class DocumentOverridesTest {

    @TempDir
    Path overrides;

    private static String packaged(String name) throws IOException {
        try (InputStream in = DocumentOverridesTest.class.getResourceAsStream("/regard/documents/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private void override(String name, String content) throws IOException {
        Path file = overrides.resolve(name);
        Files.createDirectories(file.getParent());
        Files.writeString(file, content);
    }

    private RenderedDocument acknowledgement() {
        return new PdfaDocumentRenderer(ControllerIdentity.lille(), overrides)
                .render(SampleDocuments.of(DocumentType.ACKNOWLEDGEMENT), Locale.FRENCH);
    }

    @Test
    void anOverriddenTemplateReplacesThePackagedWording() throws IOException {
        override("fr/acknowledgement.ftlh", packaged("fr/acknowledgement.ftlh")
                .replace("<p>Madame, Monsieur,</p>", "<p>Bonjour,</p>"));
        override("fr/labels.ftl", packaged("fr/labels.ftl").replace("\"Fondements juridiques\"", "\"Textes appliqués\""));

        RenderedDocument rendered = acknowledgement();

        String text = PdfChecks.text(rendered.pdf());
        assertThat(text).contains("Bonjour,", "Textes appliqués", SampleDocuments.CASE)
                .doesNotContainPattern("(?m)^Madame, Monsieur,$").doesNotContain("Fondements juridiques");
        assertThat(PdfChecks.veraPdfFailures(rendered.pdf(), PDFAFlavour.PDFA_3_B)).isEmpty();
        assertThat(PdfChecks.veraPdfFailures(rendered.pdf(), PDFAFlavour.PDFUA_1)).isEmpty();
    }

    @Test
    void aSyntaxErrorNamesTheOverrideAndItsLine() throws IOException {
        override("fr/acknowledgement.ftlh", "<#import \"/layout.ftlh\" as layout>\n<@layout.page>\n<#if doc.withinCharterWindow>\n<p>x</p>\n</@layout.page>\n");

        assertThatThrownBy(this::acknowledgement)
                .isInstanceOfSatisfying(DocumentTemplateException.class,
                        e -> assertThat(e.templateFile()).isEqualTo("fr/acknowledgement.ftlh"))
                .hasMessageContaining("Modèle de document invalide")
                .hasMessageContaining(overrides.resolve("fr/acknowledgement.ftlh") + " (surcharge)")
                .hasMessageContaining("ligne");
    }

    @Test
    void aMissingValueNamesTheFileAtFaultEvenWhenItIsTheLayout() throws IOException {
        override("layout.ftlh", packaged("layout.ftlh").replace("${controller.name}</div>", "${controller.mayor}</div>"));

        assertThatThrownBy(this::acknowledgement)
                .isInstanceOfSatisfying(DocumentTemplateException.class,
                        e -> assertThat(e.templateFile()).isEqualTo("layout.ftlh"))
                .hasMessageContaining("Modèle de document en erreur")
                .hasMessageContaining(overrides.resolve("layout.ftlh") + " (surcharge)")
                .hasMessageContaining("controller.mayor");
    }

    @Test
    void anOverrideThatIsNotXhtmlIsRefusedBeforeAnyPdf() throws IOException {
        override("fr/acknowledgement.ftlh", packaged("fr/acknowledgement.ftlh")
                .replace("<p>Madame, Monsieur,</p>", "<p>Madame, Monsieur,<br></p>"));

        assertThatThrownBy(this::acknowledgement)
                .isInstanceOf(DocumentTemplateException.class)
                .hasMessageContaining("ne produit pas du XHTML bien formé")
                .hasMessageContaining(overrides.resolve("fr/acknowledgement.ftlh").toString());
    }

    @Test
    void anOverrideCannotReachJavaClasses() throws IOException {
        override("fr/acknowledgement.ftlh", "<#assign ex = \"freemarker.template.utility.Execute\"?new()>${ex(\"id\")}");

        assertThatThrownBy(this::acknowledgement).isInstanceOf(DocumentTemplateException.class)
                .hasMessageContaining("fr/acknowledgement.ftlh");
    }

    @Test
    void aPackagedErrorSaysTheTemplateIsTheProvidedOne() {
        PdfaDocumentRenderer renderer = new PdfaDocumentRenderer(ControllerIdentity.lille(), overrides);

        assertThatThrownBy(() -> renderer.render(SampleDocuments.of(DocumentType.PURGE_CERTIFICATE), Locale.ENGLISH))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("PURGE_CERTIFICATE").hasMessageContaining("French only");
        assertThatThrownBy(() -> renderer.render(SampleDocuments.of(DocumentType.ACKNOWLEDGEMENT), Locale.GERMAN))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("de");
    }
}
