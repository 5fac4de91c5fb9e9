package fr.regard.documents.domain;

import java.security.cert.X509Certificate;
import java.util.List;

/**
 * An RFC 3161 time-stamping authority: proves that some bytes existed at a time, signed by a third party.
 * Implementations: a qualified TSA over HTTP in production, an in-process authority for the embedded default
 * and tests.
 */
public interface TimestampAuthority {

    /** The DER-encoded TimeStampToken over SHA-256 of {@code data}. */
    byte[] timestamp(byte[] data);

    /** The authority's certificate chain (TSA certificate first), for verifiers and auditor bundles. */
    List<X509Certificate> certificateChain();
}
