package fr.regard.documents.registry;

import java.time.Instant;

/**
 * A document Regard issued, as the registry knows it: what it is, for which case (null for the daily purge
 * certificate or a journal export), its SHA-256 (its address in the {@link BlobStore}), its seal, and whether the
 * requester may see it.
 */
public record IssuedDocument(long id, Long caseId, String caseReference, String type, String language, String title,
                             String sha256, long size, String mediaType, String signer, String sealCertificateSha256,
                             String sealLevel, Instant signedAt, Instant issuedAt, String issuedBy,
                             boolean requesterFacing, Long supersedes) {
}
