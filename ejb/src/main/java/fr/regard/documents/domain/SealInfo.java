package fr.regard.documents.domain;

import fr.regard.documents.format.SealLevel;
import java.time.Instant;

/**
 * What a seal says about the sealed document: the signer's distinguished name (RFC 4514), the SHA-256
 * fingerprint of the seal certificate (lower-case hex), the time certified by the signature timestamp, and the
 * PAdES level reached.
 */
public record SealInfo(String signer, String certificateSha256, Instant signedAt, SealLevel level) {
}
