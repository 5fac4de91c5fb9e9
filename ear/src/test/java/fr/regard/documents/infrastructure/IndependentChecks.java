package fr.regard.documents.infrastructure;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.util.List;
import org.verapdf.pdfa.flavours.PDFAFlavour;

/**
 * The ejb tests' independent validators (veraPDF, EU DSS under the strict policy, poppler pdfsig) and forgeries,
 * opened to the integration tests (they are package-private in the ejb test jar).
 */
public final class IndependentChecks {

    private IndependentChecks() {
    }

    /** Failed veraPDF rules for PDF/A-3B and PDF/UA-1 (empty: compliant with both). */
    public static List<String> pdfaAndPdfUaFailures(byte[] pdf) {
        VeraPdf.Result a = VeraPdf.validate(pdf, PDFAFlavour.PDFA_3_B);
        VeraPdf.Result ua = VeraPdf.validate(pdf, PDFAFlavour.PDFUA_1);
        List<String> failures = new java.util.ArrayList<>();
        if (!a.compliant()) {
            failures.add("PDF/A-3B: " + a.failures());
        }
        if (!ua.compliant()) {
            failures.add("PDF/UA-1: " + ua.failures());
        }
        return failures;
    }

    /** DSS's indication, format and errors, e.g. {@code TOTAL_PASSED PAdES-BASELINE-LTA []}. */
    public static String dss(byte[] pdf, X509Certificate trustAnchor) {
        DssValidation.Result result = DssValidation.validate(pdf, trustAnchor);
        return result.indication() + " " + (result.format() == null ? null : result.format().name()) + " " + result.errors();
    }

    public static boolean pdfsigAvailable() {
        return Pdfsig.available();
    }

    /** pdfsig's verdict on each signature, in order: validation and "total" / "partial" (whole document signed). */
    public static List<String> pdfsig(byte[] pdf) throws IOException, InterruptedException {
        Path file = Files.createTempFile("regard-document", ".pdf");
        try {
            Files.write(file, pdf);
            return Pdfsig.check(file).stream()
                    .map(s -> s.validation() + (s.totalDocumentSigned() ? " total" : " partial")).toList();
        } finally {
            Files.deleteIfExists(file);
        }
    }

    public static byte[] flipByte(byte[] pdf) throws IOException {
        return Tampering.flipByte(pdf);
    }

    public static byte[] appendPage(byte[] pdf) throws IOException {
        return Tampering.appendPage(pdf);
    }

    public static byte[] editInfo(byte[] pdf) throws IOException {
        return Tampering.editInfo(pdf);
    }
}
