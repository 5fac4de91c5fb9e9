package fr.regard.documents.domain;

import java.time.Instant;
import java.util.List;

/**
 * Attestation de destruction for one request (charter art. 3.2: the right to verify destruction): the footage of the
 * window, on the cameras named, was destroyed (by the daily purge, or the extract at the end of its delivery), with
 * the purge certificate that proves it.
 *
 *                          retention policy only, which the attestation then says
 */
public record DestructionAttestation(String reference, Instant issuedAt, Recipient recipient, FootageWindow facts,
                                     List<String> cameras, int retentionDays, Instant destroyedAt,
                                     String purgeCertificateReference, boolean verifiedInArchive) implements DocumentModel {

    public DestructionAttestation {
        reference = Checks.text(reference, "reference");
        Checks.present(issuedAt, "issuedAt");
        Checks.present(recipient, "recipient");
        Checks.present(facts, "facts");
        cameras = Checks.nonEmpty(cameras, "cameras");
        Checks.present(destroyedAt, "destroyedAt");
        purgeCertificateReference = Checks.text(purgeCertificateReference, "purgeCertificateReference");
        Checks.retentionDays(retentionDays);
    }

    @Override
    public DocumentType type() {
        return DocumentType.DESTRUCTION_ATTESTATION;
    }
}
