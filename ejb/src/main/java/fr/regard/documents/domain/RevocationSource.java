package fr.regard.documents.domain;

import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.util.List;

/**
 * Revocation data for certificates (CRLs), embedded in a seal's /DSS so that the seal can be validated long after
 * without asking the CA (PAdES-BASELINE-LT).
 */
public interface RevocationSource {

    /** Current CRLs covering {@code certificates} (each CRL once); empty for a certificate without any. */
    List<X509CRL> crlsFor(List<X509Certificate> certificates);
}
