package fr.regard.documents.registry;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;

/** One row of the registry of issued documents ({@code issued_document}, V30); never updated. */
@Entity
@Table(name = "issued_document")
public class IssuedDocumentRecord {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "issued_document_seq")
    @SequenceGenerator(name = "issued_document_seq", sequenceName = "issued_document_seq", allocationSize = 1)
    private Long id;

    @Column(name = "case_id")
    private Long caseId;

    @Column(name = "case_reference", length = 20)
    private String caseReference;

    @Column(name = "document_type", nullable = false, length = 40)
    private String type;

    @Column(name = "language", nullable = false, length = 8)
    private String language;

    @Column(name = "title", nullable = false, length = 300)
    private String title;

    @Column(name = "sha256", nullable = false, length = 64)
    private String sha256;

    @Column(name = "size_bytes", nullable = false)
    private long size;

    @Column(name = "media_type", nullable = false, length = 100)
    private String mediaType;

    @Column(name = "signer", nullable = false, length = 500)
    private String signer;

    @Column(name = "seal_certificate_sha256", nullable = false, length = 64)
    private String sealCertificateSha256;

    @Column(name = "seal_level", nullable = false, length = 10)
    private String sealLevel;

    @Column(name = "signed_at")
    private Instant signedAt;

    @Column(name = "issued_at", nullable = false)
    private Instant issuedAt;

    @Column(name = "issued_by", nullable = false, length = 100)
    private String issuedBy;

    @Column(name = "requester_facing", nullable = false)
    private boolean requesterFacing;

    @Column(name = "supersedes_id")
    private Long supersedes;

    protected IssuedDocumentRecord() {
        // JPA
    }

    IssuedDocumentRecord(IssuedDocument d) {
        this.caseId = d.caseId();
        this.caseReference = d.caseReference();
        this.type = d.type();
        this.language = d.language();
        this.title = d.title();
        this.sha256 = d.sha256();
        this.size = d.size();
        this.mediaType = d.mediaType();
        this.signer = d.signer();
        this.sealCertificateSha256 = d.sealCertificateSha256();
        this.sealLevel = d.sealLevel();
        this.signedAt = d.signedAt();
        this.issuedAt = d.issuedAt();
        this.issuedBy = d.issuedBy();
        this.requesterFacing = d.requesterFacing();
        this.supersedes = d.supersedes();
    }

    IssuedDocument toDocument() {
        return new IssuedDocument(id, caseId, caseReference, type, language, title, sha256, size, mediaType, signer,
                sealCertificateSha256, sealLevel, signedAt, issuedAt, issuedBy, requesterFacing, supersedes);
    }
}
