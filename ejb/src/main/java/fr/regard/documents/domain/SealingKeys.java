package fr.regard.documents.domain;

import java.security.cert.X509Certificate;
import java.util.List;

/**
 * The city's seal key and certificate. Implementations: a PKCS#12 store (the embedded default's demo seal) and a
 * PKCS#11 token (an HSM in production, SoftHSM2 in CI). The private key never leaves its store: callers only get
 * signatures.
 */
public interface SealingKeys {

    /** JCA name of the signature algorithm, e.g. {@code SHA256withECDSA} or {@code SHA256withRSA}. */
    String signatureAlgorithm();

    /** The signature over {@code data} (the DER-encoded CMS signed attributes) with the seal key. */
    byte[] sign(byte[] data);

    /** The seal certificate first, then its issuers up to (and including, if known) the root. */
    List<X509Certificate> certificateChain();
}
