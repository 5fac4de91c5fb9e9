package fr.regard.documents.infrastructure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.regard.documents.application.RenderedDocument;
import fr.regard.documents.domain.ControllerIdentity;
import fr.regard.documents.domain.DocumentType;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import javax.imageio.ImageIO;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.verapdf.pdfa.flavours.PDFAFlavour;

/** Another city, configured by settings only (no rebuild): its name, address, DPO, signatory and logo are printed. */
class ControllerSettingsTest {

    @TempDir
    Path dir;

    @Test
    void noSettingMeansTheReferenceCustomer() {
        assertThat(ControllerSettings.read(key -> Optional.empty())).isEqualTo(ControllerIdentity.lille());
    }

    @Test
    void settingsChangeTheLetter() throws IOException {
        Path logo = dir.resolve("logo.png");
        BufferedImage image = new BufferedImage(120, 60, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(new Color(0, 70, 140));
        g.fillRect(0, 0, 120, 60);
        g.dispose();
        ImageIO.write(image, "png", logo.toFile());
        Map<String, String> settings = new HashMap<>();
        settings.put("regard.controller.name", "Ville de Roubaix");
        settings.put("regard.controller.address", "Hôtel de Ville | 17 Grand'Place | 59100 Roubaix");
        settings.put("regard.controller.dpo-email", "dpo@ville-roubaix.fr");
        settings.put("regard.controller.dpo-postal-address", "Ville de Roubaix - DPO - 59100 Roubaix");
        settings.put("regard.controller.city", "Roubaix");
        settings.put("regard.controller.signatory-title", "La déléguée à la protection des données");
        settings.put("regard.controller.logo", logo.toString());

        ControllerIdentity roubaix = ControllerSettings.read(key -> Optional.ofNullable(settings.get(key)));
        RenderedDocument rendered = new PdfaDocumentRenderer(roubaix, null)
                .render(SampleDocuments.of(DocumentType.ACKNOWLEDGEMENT), Locale.FRENCH);

        assertThat(roubaix.address()).containsExactly("Hôtel de Ville", "17 Grand'Place", "59100 Roubaix");
        String text = PdfChecks.text(rendered.pdf());
        assertThat(text).contains("Ville de Roubaix", "17 Grand'Place", "dpo@ville-roubaix.fr", "Roubaix, le 4 mars 2026",
                "La déléguée à la protection des données").doesNotContain("mairie-lille.fr");
        assertThat(PdfChecks.associatedFiles(rendered.pdf()).get(0).content()).contains("\"name\": \"Ville de Roubaix\"");
        try (PDDocument pdf = Loader.loadPDF(rendered.pdf())) {
            var resources = pdf.getPage(0).getResources();
            long images = 0;
            for (COSName name : resources.getXObjectNames()) {
                if (resources.getXObject(name) instanceof PDImageXObject) {
                    images++;
                }
            }
            assertThat(images).as("the logo on the first page").isEqualTo(1);
        }
        assertThat(PdfChecks.veraPdfFailures(rendered.pdf(), PDFAFlavour.PDFA_3_B)).isEmpty();
        assertThat(PdfChecks.veraPdfFailures(rendered.pdf(), PDFAFlavour.PDFUA_1)).isEmpty();
    }

    @Test
    void aLogoThatIsNotAnImageIsRefusedAtStart() throws IOException {
        Path notAnImage = Files.writeString(dir.resolve("logo.png"), "pas une image");
        ControllerIdentity identity = ControllerSettings.read(
                key -> key.equals("regard.controller.logo") ? Optional.of(notAnImage.toString()) : Optional.empty());

        assertThatThrownBy(() -> new PdfaDocumentRenderer(identity, null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("regard.controller.logo").hasMessageContaining(notAnImage.toString());
    }
}
