package fr.regard.documents.domain;

/**
 * Seals a PDF in the city's name (PAdES baseline: CAdES detached signature with signing-certificate-v2, an RFC
 * 3161 signature timestamp, the validation data in /DSS, optionally a document timestamp). The sealed document
 * keeps the PDF/A and PDF/UA conformance of its input.
 */
public interface DocumentSealer {

    /**
     * The sealed document. Throws {@link IllegalArgumentException} (French message) when {@code pdf} is not a
     * readable, unencrypted PDF, and {@link IllegalStateException} when the key store or the TSA fails.
     */
    SealedDocument seal(byte[] pdf);
}
