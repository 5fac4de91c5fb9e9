package fr.regard.verifier;

import fr.regard.documents.format.DocumentVerifier;
import fr.regard.documents.format.VerificationReport;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSStream;
import org.apache.pdfbox.pdmodel.PDDocument;

/**
 * {@code pdf <fichier> [--ca <fichier.pem>]}: is this PDF sealed by Regard, intact, by whom, when, at which level
 * (verifier/README.md). With {@code --ca} (the city's published CA certificate, or seal certificates) the trust is
 * pinned; without it, the root certificate the document itself carries is used and the report says it is not
 * pinned, with its fingerprint to compare with the one the city publishes. Exit 0 when valid, 1 when not, 2 for a
 * usage or reading error.
 */
final class PdfCommand {

    private static final DateTimeFormatter PARIS_TIME = DateTimeFormatter.ofPattern("dd/MM/yyyy 'à' HH:mm:ss (z)")
            .withZone(ZoneId.of("Europe/Paris"));
    private static final byte[] PDF_MAGIC = "%PDF-".getBytes(StandardCharsets.US_ASCII);

    private PdfCommand() {
    }

    static int run(String[] args, PrintStream out, PrintStream err, boolean unicode) {
        Path file = null;
        Path ca = null;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--ca" -> {
                    if (i + 1 >= args.length) {
                        return usage(err, "--ca attend un fichier PEM");
                    }
                    ca = Path.of(args[++i]);
                }
                case "-h", "--help" -> {
                    out.print(VerifierCli.USAGE);
                    return VerifierCli.SUCCESS;
                }
                default -> {
                    if (args[i].startsWith("--")) {
                        return usage(err, "option inconnue « " + args[i] + " »");
                    }
                    if (file != null) {
                        return usage(err, "un seul fichier PDF à la fois");
                    }
                    file = Path.of(args[i]);
                }
            }
        }
        if (file == null) {
            return usage(err, "indiquez le fichier PDF à vérifier");
        }
        byte[] pdf;
        try {
            pdf = Files.readAllBytes(file);
        } catch (IOException e) {
            return usage(err, "fichier illisible : " + file);
        }
        if (pdf.length < PDF_MAGIC.length || !Arrays.equals(Arrays.copyOf(pdf, PDF_MAGIC.length), PDF_MAGIC)) {
            return usage(err, "le fichier " + file + " n'est pas un PDF");
        }
        List<X509Certificate> anchors;
        String trust;
        if (ca != null) {
            try {
                anchors = certificates(Files.readAllBytes(ca));
            } catch (IOException | IllegalArgumentException e) {
                return usage(err, "--ca " + ca + " : " + (e instanceof IOException ? "fichier illisible" : e.getMessage()));
            }
            trust = "épinglée (--ca " + ca + ") : " + describe(anchors.get(0));
        } else {
            anchors = embeddedRoots(pdf);
            trust = anchors.isEmpty() ? "aucune (--ca absent et aucune autorité racine dans le document)"
                    : "NON ÉPINGLÉE (--ca absent) : autorité fournie par le document, " + describe(anchors.get(0))
                    + " ; comparez cette empreinte à celle que publie la ville";
        }
        VerificationReport report = new DocumentVerifier(anchors).verify(pdf);
        print(out, unicode, file, pdf, trust, report);
        return report.valid() ? VerifierCli.SUCCESS : VerifierCli.VERIFICATION_FAILED;
    }

    private static void print(PrintStream out, boolean unicode, Path file, byte[] pdf, String trust, VerificationReport report) {
        String ok = unicode ? "✔" : "[OK]";
        String ko = unicode ? "✘" : "[KO]";
        out.println("Regard — vérification hors ligne d'un document PDF");
        out.println("  Fichier :                " + file);
        out.println("  Empreinte SHA-256 :      " + sha256(pdf));
        out.println("  Autorité de confiance :  " + trust);
        out.println();
        out.println((report.sealed() ? ok : ko) + " Cachet électronique : " + (report.sealed() ? "présent" : "absent"));
        out.println((report.issuedByRegard() ? ok : ko) + " Émis par Regard : " + (report.issuedByRegard()
                ? "oui, le certificat du cachet remonte à l'autorité de confiance et n'était pas révoqué"
                : "non établi"));
        out.println((report.intact() ? ok : ko) + " Intégrité : " + (report.intact()
                ? "le document n'a pas été modifié depuis son scellement" : "non établie"));
        if (report.signer() != null) {
            out.println("  Signataire :             " + report.signer());
        }
        if (report.signedAt() != null) {
            out.println("  Date du cachet :         " + PARIS_TIME.format(report.signedAt()) + " (horodatage RFC 3161)");
        }
        if (report.level() != null) {
            out.println("  Niveau :                 " + report.level().label());
        }
        for (String problem : report.problems()) {
            out.println("    " + ko + " " + problem);
        }
        out.println();
        out.println(report.valid() ? ReportPrinter.SUCCESS : ReportPrinter.FAILURE);
    }

    /** PEM (one or more certificates) or a single DER certificate, as {@code GET /api/v1/pki/ca.crt} serves it. */
    private static List<X509Certificate> certificates(byte[] file) {
        String text = new String(file, StandardCharsets.US_ASCII);
        if (text.contains("-----BEGIN CERTIFICATE-----")) {
            return PemCertificates.parse(text);
        }
        try {
            return List.of((X509Certificate) CertificateFactory.getInstance("X.509")
                    .generateCertificate(new ByteArrayInputStream(file)));
        } catch (Exception e) {
            throw new IllegalArgumentException("certificat illisible (ni PEM ni DER)", e);
        }
    }

    /** The self-signed certificates of the document's /DSS (the top of the seal's chain), unpinned. */
    private static List<X509Certificate> embeddedRoots(byte[] pdf) {
        List<X509Certificate> roots = new ArrayList<>();
        try (PDDocument document = Loader.loadPDF(pdf)) {
            COSDictionary dss = document.getDocumentCatalog().getCOSObject().getCOSDictionary(COSName.getPDFName("DSS"));
            COSArray certs = dss == null ? null : dss.getCOSArray(COSName.getPDFName("Certs"));
            if (certs == null) {
                return roots;
            }
            CertificateFactory factory = CertificateFactory.getInstance("X.509");
            for (int i = 0; i < certs.size(); i++) {
                if (certs.getObject(i) instanceof COSStream stream) {
                    try (InputStream in = stream.createInputStream()) {
                        X509Certificate certificate = (X509Certificate) factory.generateCertificate(
                                new ByteArrayInputStream(in.readAllBytes()));
                        if (certificate.getSubjectX500Principal().equals(certificate.getIssuerX500Principal())) {
                            roots.add(certificate);
                        }
                    } catch (Exception e) {
                        // an unreadable entry cannot be a root
                    }
                }
            }
        } catch (Exception e) {
            // not readable: the verifier reports it
        }
        return roots;
    }

    private static String describe(X509Certificate certificate) {
        try {
            return "« " + certificate.getSubjectX500Principal().getName() + " », SHA-256 "
                    + sha256(certificate.getEncoded());
        } catch (Exception e) {
            return "« " + certificate.getSubjectX500Principal().getName() + " »";
        }
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static int usage(PrintStream err, String message) {
        err.println("Erreur : " + message + " (java -jar regard-verifier.jar --help).");
        return VerifierCli.USAGE_ERROR;
    }
}
