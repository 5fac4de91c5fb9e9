package fr.regard.documents.registry;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Optional;

/**
 * The registry of issued documents: rows in {@code issued_document}, bytes in the {@link BlobStore}. Only
 * {@link DocumentIssuer} adds to it; reading the bytes is {@link #content}, journalled by its callers (staff download,
 * requester download).
 */
@ApplicationScoped
public class DocumentRegistry {

    @PersistenceContext(unitName = "regard")
    EntityManager em;

    @Inject
    BlobStore blobs;

    @Transactional(Transactional.TxType.MANDATORY)
    IssuedDocument add(IssuedDocument document) {
        IssuedDocumentRecord row = new IssuedDocumentRecord(document);
        em.persist(row);
        em.flush();
        return row.toDocument();
    }

    public Optional<IssuedDocument> byId(long id) {
        return Optional.ofNullable(em.find(IssuedDocumentRecord.class, id)).map(IssuedDocumentRecord::toDocument);
    }

    /** The documents of a case, oldest first. */
    public List<IssuedDocument> ofCase(String caseReference) {
        return em.createQuery("select d from IssuedDocumentRecord d where d.caseReference = :reference order by d.id",
                        IssuedDocumentRecord.class)
                .setParameter("reference", caseReference)
                .getResultStream().map(IssuedDocumentRecord::toDocument).toList();
    }

    /** The documents whose bytes have this SHA-256 (normally one; several if the same bytes were issued twice). */
    public List<IssuedDocument> bySha256(String sha256) {
        return em.createQuery("select d from IssuedDocumentRecord d where d.sha256 = :sha256 order by d.id",
                        IssuedDocumentRecord.class)
                .setParameter("sha256", sha256)
                .getResultStream().map(IssuedDocumentRecord::toDocument).toList();
    }

    /** The sealed PDF of a registered document; an {@link IllegalStateException} if its blob is missing (never expected). */
    public byte[] content(IssuedDocument document) {
        return blobs.get(document.sha256()).orElseThrow(() -> new IllegalStateException(
                "The blob " + document.sha256() + " of issued document " + document.id() + " is missing"));
    }
}
