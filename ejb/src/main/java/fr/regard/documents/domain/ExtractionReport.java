package fr.regard.documents.domain;

import fr.regard.cases.domain.Masking;
import java.time.Instant;
import java.util.List;

/**
 * Procès-verbal d'extraction: which cameras, which window, which files (with their SHA-256), how third parties were
 * masked, by which habilitated operator (CSI L253-5), on whose instruction and for which purpose. Its data file is the
 * extraction's manifest.
 */
public record ExtractionReport(String reference, Instant issuedAt, String operator, String instructedBy, String purpose,
                               Instant extractedAt, Instant windowStart, Instant windowEnd, List<ExtractedFile> files,
                               Masking masking, String maskingMethod) implements DocumentModel {

    /** One produced file: the camera, the footage it covers, its name, size and SHA-256 (hex). */
    public record ExtractedFile(String camera, Instant start, Instant end, String fileName, long bytes, String sha256) {

        public ExtractedFile {
            camera = Checks.text(camera, "files.camera");
            Checks.present(start, "files.start");
            Checks.present(end, "files.end");
            Checks.ordered(start, end, "files");
            fileName = Checks.text(fileName, "files.fileName");
            Checks.notNegative(bytes, "files.bytes");
            sha256 = Checks.text(sha256, "files.sha256");
            if (!sha256.matches("[0-9a-f]{64}")) {
                throw new IllegalArgumentException("files.sha256 must be 64 lower-case hex digits");
            }
        }
    }

    public ExtractionReport {
        reference = Checks.text(reference, "reference");
        Checks.present(issuedAt, "issuedAt");
        operator = Checks.text(operator, "operator");
        instructedBy = Checks.text(instructedBy, "instructedBy");
        purpose = Checks.text(purpose, "purpose");
        Checks.present(extractedAt, "extractedAt");
        Checks.present(windowStart, "windowStart");
        Checks.present(windowEnd, "windowEnd");
        Checks.ordered(windowStart, windowEnd, "window");
        files = Checks.nonEmpty(files, "files");
        Checks.present(masking, "masking");
        maskingMethod = Checks.text(maskingMethod, "maskingMethod");
    }

    @Override
    public DocumentType type() {
        return DocumentType.EXTRACTION_REPORT;
    }

    public long totalBytes() {
        return files.stream().mapToLong(ExtractedFile::bytes).sum();
    }
}
