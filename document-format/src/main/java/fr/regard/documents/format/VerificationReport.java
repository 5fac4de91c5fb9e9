package fr.regard.documents.format;

import java.time.Instant;
import java.util.List;

/**
 * What {@link DocumentVerifier} found in a PDF.
 *
 * @param sealed           the PDF carries a CAdES seal signature
 * @param issuedByRegard   the seal's certificate chains up to one of Regard's trust anchors (its CA, or a pinned seal
 *                         certificate), was valid at the signing time and is not revoked by the CRLs in the document
 * @param intact           the seal's signature matches the bytes it covers, and everything after them is only
 *                         validation data (/DSS) and document timestamps
 * @param signer           the seal certificate's subject (RFC 4514), or null
 * @param certificateSha256 SHA-256 of the seal certificate (lower-case hex), or null
 * @param signedAt         the time certified by the signature timestamp (RFC 3161), or null without a valid one
 * @param level            the PAdES baseline level reached, or null when not sealed
 * @param problems         what went wrong, in French, for the person who submitted the file (empty when valid)
 */
public record VerificationReport(boolean sealed, boolean issuedByRegard, boolean intact, String signer,
                                 String certificateSha256, Instant signedAt, SealLevel level, List<String> problems) {

    public VerificationReport {
        problems = List.copyOf(problems);
    }

    /** Issued by Regard and intact. */
    public boolean valid() {
        return sealed && issuedByRegard && intact;
    }
}
