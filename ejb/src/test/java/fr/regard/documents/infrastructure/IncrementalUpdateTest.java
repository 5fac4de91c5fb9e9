package fr.regard.documents.infrastructure;

import static org.assertj.core.api.Assertions.assertThat;

import fr.regard.documents.domain.ControllerIdentity;
import fr.regard.documents.domain.DocumentType;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Arrays;
import java.util.Locale;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.junit.jupiter.api.Test;
import org.verapdf.pdfa.flavours.PDFAFlavour;

/**
 * What a sealer does after the render: an incremental update (here a /DSS dictionary added to the catalog, as the
 * B-LT step does) appended with PDFBox's saveIncremental. The original bytes stay a prefix and the result is still
 * PDF/A-3B and PDF/UA-1 for veraPDF.
 */
class IncrementalUpdateTest {

    @Test
    void stillCompliantAfterAnIncrementalUpdate() throws IOException {
        byte[] original = new PdfaDocumentRenderer(ControllerIdentity.lille(), null)
                .render(SampleDocuments.of(DocumentType.ACKNOWLEDGEMENT), Locale.FRENCH).pdf();

        byte[] updated;
        try (PDDocument pdf = Loader.loadPDF(original)) {
            COSDictionary catalog = pdf.getDocumentCatalog().getCOSObject();
            COSDictionary dss = new COSDictionary();
            dss.setItem(COSName.getPDFName("Certs"), new COSArray());
            dss.setDirect(false);
            catalog.setItem(COSName.getPDFName("DSS"), dss);
            catalog.setNeedToBeUpdated(true);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            pdf.saveIncremental(out);
            updated = out.toByteArray();
        }

        assertThat(updated.length).isGreaterThan(original.length);
        assertThat(Arrays.copyOf(updated, original.length)).isEqualTo(original);
        try (PDDocument reread = Loader.loadPDF(updated)) {
            assertThat(reread.getDocumentCatalog().getCOSObject().getCOSDictionary(COSName.getPDFName("DSS"))).isNotNull();
        }
        assertThat(PdfChecks.veraPdfFailures(updated, PDFAFlavour.PDFA_3_B)).isEmpty();
        assertThat(PdfChecks.veraPdfFailures(updated, PDFAFlavour.PDFUA_1)).isEmpty();
    }
}
