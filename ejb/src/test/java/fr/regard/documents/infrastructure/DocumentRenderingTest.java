package fr.regard.documents.infrastructure;

import static org.assertj.core.api.Assertions.assertThat;

import fr.regard.documents.application.RenderedDocument;
import fr.regard.documents.domain.Acknowledgement;
import fr.regard.documents.domain.ControllerIdentity;
import fr.regard.documents.domain.DocumentLanguage;
import fr.regard.documents.domain.DocumentModel;
import fr.regard.documents.domain.DocumentType;
import fr.regard.documents.domain.LegalBasis;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.verapdf.pdfa.flavours.PDFAFlavour;

/**
 * Every document type in every language it exists in: rendered with realistic data, then checked by veraPDF
 * (PDF/A-3B and PDF/UA-1, no failed rule), by PDFBox text extraction (reference, controller, DPO, French dates,
 * legal bases) and through its associated data file (AFRelationship /Data, JSON equal to the model).
 */
class DocumentRenderingTest {

    static final PdfaDocumentRenderer RENDERER = new PdfaDocumentRenderer(ControllerIdentity.lille(), null);

    static Stream<Arguments> documents() {
        return Stream.of(DocumentType.values())
                .flatMap(type -> type.languages().stream().map(language -> Arguments.of(type, language)));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("documents")
    void compliantReadableAndCarryingItsData(DocumentType type, DocumentLanguage language) {
        DocumentModel model = SampleDocuments.of(type);
        RenderedDocument rendered = RENDERER.render(model, language.locale());

        PdfChecks.keep(rendered.pdf(), type.templateName() + "-" + language.code() + ".pdf");
        assertThat(rendered.type()).isEqualTo(type);
        assertThat(rendered.title()).isEqualTo(type.title(language));
        List<String> failures = Stream.concat(
                PdfChecks.veraPdfFailures(rendered.pdf(), PDFAFlavour.PDFA_3_B).stream(),
                PdfChecks.veraPdfFailures(rendered.pdf(), PDFAFlavour.PDFUA_1).stream()).toList();
        failures.forEach(System.out::println);
        assertThat(failures).as("veraPDF failed rules").isEmpty();

        String text = PdfChecks.text(rendered.pdf()).replaceAll("\\s+", " ");
        assertThat(text).contains(model.reference(), "Ville de Lille", "protectiondesdonnees@mairie-lille.fr",
                "CS 30667", type.title(language));
        for (LegalBasis basis : model.legalBases()) {
            assertThat(text).contains(basis.citation(language).replaceAll("\\s+", " "));
        }
        if (language == DocumentLanguage.FR) {
            for (String expected : SampleDocuments.expectedFrench(type)) {
                if (expected.matches("[0-9a-f]{64}")) { // a hash may wrap in its table cell
                    assertThat(text.replace(" ", "")).contains(expected);
                } else {
                    assertThat(text).contains(expected.replaceAll("\\s+", " "));
                }
            }
        }

        List<PdfChecks.Associated> files = PdfChecks.associatedFiles(rendered.pdf());
        assertThat(files).hasSize(1);
        PdfChecks.Associated data = files.get(0);
        assertThat(data.name()).isEqualTo(DocumentDataFile.FILE_NAME);
        assertThat(data.relationship()).isEqualTo("Data");
        assertThat(data.mediaType()).isEqualTo("application/json");
        assertThat(data.inNameTree()).isTrue();
        JsonObject json = Json.createReader(new StringReader(data.content())).readObject();
        assertThat(json.getString("format")).isEqualTo("regard-document-data/1");
        assertThat(json.getString("type")).isEqualTo(type.code());
        assertThat(json.getString("language")).isEqualTo(language.tag());
        assertThat(json.getString("reference")).isEqualTo(model.reference());
        assertThat(json.getJsonObject("controller").getString("name")).isEqualTo("Ville de Lille");
        assertThat(json.getJsonArray("legalBases").getValuesAs(jakarta.json.JsonString::getString))
                .containsExactlyElementsOf(model.legalBases().stream().map(LegalBasis::name).toList());
        DocumentModel back = DocumentDataFile.read(json.getJsonObject("data").toString(), model.getClass());
        assertThat(back).isEqualTo(model);
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(DocumentLanguage.class)
    void anEmailRequestsAcknowledgementSaysTheFactsAreToBeStatedAndEverythingIsHeld(DocumentLanguage language) {
        Acknowledgement sample = (Acknowledgement) SampleDocuments.of(DocumentType.ACKNOWLEDGEMENT);
        Acknowledgement byMail = new Acknowledgement(sample.reference(), sample.issuedAt(), sample.recipient(),
                sample.receivedAt(), sample.facts(), true, 14, sample.responseDue(), sample.trackingUrl(), true);
        RenderedDocument rendered = RENDERER.render(byMail, language.locale());
        assertThat(Stream.concat(PdfChecks.veraPdfFailures(rendered.pdf(), PDFAFlavour.PDFA_3_B).stream(),
                PdfChecks.veraPdfFailures(rendered.pdf(), PDFAFlavour.PDFUA_1).stream())).isEmpty();
        String text = PdfChecks.text(rendered.pdf()).replaceAll("\\s+", " ");
        if (language == DocumentLanguage.FR) {
            assertThat(text).contains("Reçue par courriel", "toutes caméras", "ne seront pas détruits avant que les faits "
                    + "soient précisés").doesNotContain("dans le délai de huit jours prévu");
        } else {
            assertThat(text).contains("As it came by e-mail", "on every camera").doesNotContain("was made within");
        }
    }
}
