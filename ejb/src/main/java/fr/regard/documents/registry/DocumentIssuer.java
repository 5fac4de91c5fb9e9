package fr.regard.documents.registry;

import fr.regard.documents.application.DocumentRenderer;
import fr.regard.documents.application.DocumentTemplateException;
import fr.regard.documents.application.RenderedDocument;
import fr.regard.documents.domain.DocumentLanguage;
import fr.regard.documents.domain.DocumentModel;
import fr.regard.documents.domain.DocumentSealer;
import fr.regard.documents.domain.SealedDocument;
import fr.regard.journal.domain.Journal;
import fr.regard.journal.domain.JournalActions;
import fr.regard.journal.domain.JournalEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * Issues a document: model → render (PDF/A-3b, PDF/UA-1) → seal (PAdES B-LT/B-LTA) → store (content-addressed) →
 * record in the registry → journal, in the caller's transaction. All or nothing: the blob is written before the row,
 * so no row ever names a missing file; if the transaction rolls back, the blob stays unreferenced, reachable by no
 * API (and stored once if the step is retried). Render or seal failures throw before anything is written.
 */
@ApplicationScoped
public class DocumentIssuer {

    @Inject
    DocumentRenderer renderer;

    @Inject
    DocumentSealer sealer;

    @Inject
    BlobStore blobs;

    @Inject
    DocumentRegistry registry;

    @Inject
    Journal journal;

    Clock clock = Clock.systemUTC();

    /**
     * @param caseId    the case the document belongs to, or null (purge certificate, journal export)
     * @param issuedBy  who issues it: {@code system} for the case workflow, or a staff login
     * @throws DocumentTemplateException when a template fails (nothing written; the caller's transaction is not
     *                                   marked for rollback, so the caller may register the failure)
     */
    @Transactional(value = Transactional.TxType.MANDATORY, dontRollbackOn = DocumentTemplateException.class)
    public IssuedDocument issue(DocumentModel model, DocumentLanguage language, Long caseId, String caseReference,
                                String issuedBy, Long supersedes) {
        RenderedDocument rendered = renderer.render(model, language.locale());
        SealedDocument sealed = sealer.seal(rendered.pdf());
        BlobStore.StoredBlob blob = blobs.put(sealed.pdf());
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        IssuedDocument document = registry.add(new IssuedDocument(0, caseId, caseReference, model.type().code(),
                language.tag(), rendered.title(), blob.sha256(), blob.size(), rendered.mediaType(),
                sealed.seal().signer(), sealed.seal().certificateSha256(), sealed.seal().level().name(),
                sealed.seal().signedAt(), now, issuedBy, model.type().requesterFacing(), supersedes));
        JournalEvent event = caseReference != null
                ? JournalEvent.onCase(issuedBy, role(issuedBy), JournalActions.DOCUMENT_ISSUED, caseReference)
                : JournalEvent.on(issuedBy, role(issuedBy), JournalActions.DOCUMENT_ISSUED, "document",
                        String.valueOf(document.id()));
        journal.record(event.withPurpose("Émission d'un document scellé")
                .withDetail("documentId", String.valueOf(document.id()))
                .withDetail("documentType", document.type())
                .withDetail("language", document.language())
                .withDetail("sha256", document.sha256())
                .withDetail("size", String.valueOf(document.size()))
                .withDetail("sealLevel", document.sealLevel())
                .withDetail("signedAt", String.valueOf(document.signedAt()))
                .withDetail("storedOnce", String.valueOf(!blob.written())));
        return document;
    }

    private static String role(String issuedBy) {
        return "system".equals(issuedBy) ? "system" : "staff";
    }
}
