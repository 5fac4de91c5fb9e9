package fr.regard.documents.infrastructure;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * poppler's {@code pdfsig} (Debian poppler-utils) run on a file. It exits 0 even on a digest mismatch, so its
 * output is parsed: one {@link Signature} per "Signature #n" block.
 */
final class Pdfsig {

    record Signature(String validation, boolean totalDocumentSigned, String certificateValidation, String type) {
    }

    private Pdfsig() {
    }

    static boolean available() {
        return Files.isExecutable(Path.of("/usr/bin/pdfsig"));
    }

    static List<Signature> check(Path pdf) throws IOException, InterruptedException {
        Process process = new ProcessBuilder("pdfsig", "-nocert", pdf.toString()).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IllegalStateException("pdfsig did not finish");
        }
        List<Signature> signatures = new ArrayList<>();
        String validation = null;
        String certificate = null;
        String type = null;
        Boolean total = null;
        for (String line : output.lines().toList()) {
            String trimmed = line.strip();
            if (trimmed.startsWith("Signature #")) {
                if (validation != null || total != null) {
                    signatures.add(new Signature(validation, Boolean.TRUE.equals(total), certificate, type));
                }
                validation = null;
                certificate = null;
                type = null;
                total = null;
            } else if (trimmed.startsWith("- Signature Validation:")) {
                validation = trimmed.substring("- Signature Validation:".length()).strip();
            } else if (trimmed.startsWith("- Certificate Validation:")) {
                certificate = trimmed.substring("- Certificate Validation:".length()).strip();
            } else if (trimmed.startsWith("- Signature Type:")) {
                type = trimmed.substring("- Signature Type:".length()).strip();
            } else if (trimmed.startsWith("- Total document signed")) {
                total = true;
            } else if (trimmed.startsWith("- Not total document signed")) {
                total = false;
            }
        }
        if (validation != null || total != null) {
            signatures.add(new Signature(validation, Boolean.TRUE.equals(total), certificate, type));
        }
        if (signatures.isEmpty()) {
            throw new IllegalStateException("pdfsig reported no signature:\n" + output);
        }
        return signatures;
    }
}
