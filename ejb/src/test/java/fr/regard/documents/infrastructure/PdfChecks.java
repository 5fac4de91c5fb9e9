package fr.regard.documents.infrastructure;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.common.filespecification.PDComplexFileSpecification;
import org.apache.pdfbox.text.PDFTextStripper;
import org.verapdf.gf.foundry.VeraGreenfieldFoundryProvider;
import org.verapdf.pdfa.Foundries;
import org.verapdf.pdfa.PDFAParser;
import org.verapdf.pdfa.PDFAValidator;
import org.verapdf.pdfa.flavours.PDFAFlavour;
import org.verapdf.pdfa.results.TestAssertion;
import org.verapdf.pdfa.results.ValidationResult;

/** Independent checks of a rendered PDF: veraPDF validation, text extraction and the associated files (PDFBox). */
final class PdfChecks {

    static {
        VeraGreenfieldFoundryProvider.initialise();
    }

    private PdfChecks() {
    }

    /** The failed rules of veraPDF for a flavour (PDF/A-3B, PDF/UA-1), one line each; empty when compliant. */
    static List<String> veraPdfFailures(byte[] pdf, PDFAFlavour flavour) {
        try (PDFAParser parser = Foundries.defaultInstance().createParser(new ByteArrayInputStream(pdf), flavour);
             PDFAValidator validator = Foundries.defaultInstance().createValidator(flavour, false)) {
            ValidationResult result = validator.validate(parser);
            List<String> failures = new ArrayList<>();
            for (TestAssertion assertion : result.getTestAssertions()) {
                if (assertion.getStatus() == TestAssertion.Status.FAILED) {
                    failures.add(flavour + " " + assertion.getRuleId().getClause() + "-" + assertion.getRuleId().getTestNumber()
                            + ": " + assertion.getMessage() + " @ " + assertion.getLocation().getContext());
                }
            }
            if (!result.isCompliant() && failures.isEmpty()) {
                failures.add(flavour + " not compliant (" + result.getJobEndStatus() + ")");
            }
            return failures;
        } catch (Exception e) {
            throw new IllegalStateException("veraPDF could not validate the PDF", e);
        }
    }

    /** Keeps a copy in target/documents for a person to look at (pdftoppm, a viewer). */
    static void keep(byte[] pdf, String name) {
        try {
            java.nio.file.Path dir = java.nio.file.Files.createDirectories(java.nio.file.Path.of("target", "documents"));
            java.nio.file.Files.write(dir.resolve(name), pdf);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String text(byte[] pdf) {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(document);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** An associated file of the catalog (/AF), as found through the EmbeddedFiles name tree too. */
    record Associated(String name, String relationship, String mediaType, String description, String content,
                      boolean inNameTree) {
    }

    static List<Associated> associatedFiles(byte[] pdf) {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            COSDictionary catalog = document.getDocumentCatalog().getCOSObject();
            COSArray af = catalog.getCOSArray(COSName.getPDFName("AF"));
            List<Associated> files = new ArrayList<>();
            if (af == null) {
                return files;
            }
            var tree = document.getDocumentCatalog().getNames() == null ? null
                    : document.getDocumentCatalog().getNames().getEmbeddedFiles();
            for (int i = 0; i < af.size(); i++) {
                PDComplexFileSpecification spec = new PDComplexFileSpecification((COSDictionary) af.getObject(i));
                var file = spec.getEmbeddedFileUnicode();
                boolean inTree = tree != null && tree.getNames() != null && tree.getNames().containsKey(spec.getFileUnicode());
                files.add(new Associated(spec.getFileUnicode(),
                        spec.getCOSObject().getNameAsString(COSName.getPDFName("AFRelationship")),
                        file.getSubtype(), spec.getFileDescription(),
                        new String(file.toByteArray(), StandardCharsets.UTF_8), inTree));
            }
            return files;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
