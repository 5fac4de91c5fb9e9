package fr.regard.documents.infrastructure;

import eu.europa.esig.dss.enumerations.Indication;
import eu.europa.esig.dss.enumerations.SignatureLevel;
import eu.europa.esig.dss.model.InMemoryDocument;
import eu.europa.esig.dss.model.x509.CertificateToken;
import eu.europa.esig.dss.simplereport.SimpleReport;
import eu.europa.esig.dss.spi.validation.CommonCertificateVerifier;
import eu.europa.esig.dss.spi.x509.CommonTrustedCertificateSource;
import eu.europa.esig.dss.validation.SignedDocumentValidator;
import eu.europa.esig.dss.validation.reports.Reports;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.cert.X509Certificate;
import java.util.List;

/**
 * EU DSS 6.4 (test scope only) validating a sealed PDF offline: the demo CA as the only trust anchor, no online
 * CRL/OCSP/AIA fetching (the revocation data must be in the document), and a strict policy: DSS's default
 * constraint file with these constraints tightened from WARN to FAIL:
 * <ul>
 * <li>post-signing modifications: {@code ByteRangeCollision}, {@code PdfAnnotationOverlap},
 * {@code PdfVisualDifference}, {@code DocMDP}, {@code FieldMDP}, {@code SigFieldLock}, {@code UndefinedChanges};</li>
 * <li>structure and signing certificate: {@code StructuralValidation}, {@code SigningCertificatePresent},
 * {@code UnicitySigningCertificate}, {@code SigningCertificateRefersCertificateChain}, {@code IssuerSerialMatch};</li>
 * <li>signature level: {@code AcceptableFormats} only {@code PAdES-BASELINE-LT} and {@code PAdES-BASELINE-LTA}
 * (default: any).</li>
 * </ul>
 */
final class DssValidation {

    static final List<String> TIGHTENED = List.of("ByteRangeCollision", "PdfAnnotationOverlap", "PdfVisualDifference",
            "DocMDP", "FieldMDP", "SigFieldLock", "UndefinedChanges", "StructuralValidation", "SigningCertificatePresent",
            "UnicitySigningCertificate", "SigningCertificateRefersCertificateChain", "IssuerSerialMatch");

    private static final String POLICY = strictPolicy();

    record Result(Indication indication, String subIndication, SignatureLevel format, int signatures,
                  List<String> errors, Reports reports) {
        @Override
        public String toString() {
            return indication + "/" + subIndication + " " + format + " signatures=" + signatures + " errors=" + errors;
        }
    }

    private DssValidation() {
    }

    static Result validate(byte[] pdf, X509Certificate trustAnchor) {
        SignedDocumentValidator validator = SignedDocumentValidator.fromDocument(new InMemoryDocument(pdf, "sealed.pdf"));
        CommonCertificateVerifier verifier = new CommonCertificateVerifier();
        CommonTrustedCertificateSource trusted = new CommonTrustedCertificateSource();
        trusted.addCertificate(new CertificateToken(trustAnchor));
        verifier.setTrustedCertSources(trusted);
        verifier.setCrlSource(null);
        verifier.setOcspSource(null);
        verifier.setAIASource(null);
        validator.setCertificateVerifier(verifier);
        Reports reports = validator.validateDocument(new ByteArrayInputStream(POLICY.getBytes(StandardCharsets.UTF_8)));
        SimpleReport simple = reports.getSimpleReport();
        String id = simple.getFirstSignatureId();
        if (id == null) {
            return new Result(null, null, null, 0, List.of("no signature"), reports);
        }
        return new Result(simple.getIndication(id), String.valueOf(simple.getSubIndication(id)), simple.getSignatureFormat(id),
                simple.getSignaturesCount(),
                simple.getAdESValidationErrors(id).stream().map(m -> m.getKey() + ": " + m.getValue()).toList(), reports);
    }

    private static String strictPolicy() {
        try (InputStream in = DssValidation.class.getResourceAsStream("/policy/constraint.xml")) {
            String policy = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            int end = policy.indexOf("</SignatureConstraints>");
            String signature = policy.substring(0, end);
            for (String constraint : TIGHTENED) {
                String warn = "<" + constraint + " Level=\"WARN\" />";
                if (!signature.contains(warn)) {
                    throw new IllegalStateException("DSS's default policy has no " + warn);
                }
                signature = signature.replace(warn, "<" + constraint + " Level=\"FAIL\" />");
            }
            String any = "(<AcceptableFormats Level=\"FAIL\">\\s*)<Id>\\*</Id>";
            String strict = signature.replaceFirst(any, "$1<Id>PAdES-BASELINE-LT</Id><Id>PAdES-BASELINE-LTA</Id>");
            if (strict.equals(signature)) {
                throw new IllegalStateException("DSS's default policy changed its AcceptableFormats");
            }
            signature = strict;
            return signature + policy.substring(end);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

}
