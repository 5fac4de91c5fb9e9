package fr.regard.cases.application;

import fr.regard.cases.domain.AccessCase;
import fr.regard.cases.domain.CaseReference;
import fr.regard.cases.domain.CaseRepository;
import fr.regard.cases.domain.TrackingToken;
import fr.regard.documents.registry.DocumentRegistry;
import fr.regard.documents.registry.IssuedDocument;
import fr.regard.journal.domain.Journal;
import fr.regard.journal.domain.JournalActions;
import fr.regard.journal.domain.JournalEvent;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Optional;

/**
 * The issued documents of cases: listed for staff, downloaded by staff or by the requester through their tracking
 * link (requester-facing documents of their own case only). Every download is journalled (loi 78-17 Titre III:
 * communication), in the same transaction as the read.
 */
@Stateless
public class CaseDocuments {

    @Inject
    CaseRepository cases;

    @Inject
    DocumentRegistry registry;

    @Inject
    Journal journal;

    /** A document and its sealed bytes. */
    public record Download(IssuedDocument document, byte[] content) {
    }

    /** The documents of a case (empty if the reference is unknown: the caller answers 404 for an unknown case). */
    public Optional<List<DocumentView>> ofCase(String reference) {
        if (!CaseReference.isWellFormed(reference)) {
            return Optional.empty();
        }
        return cases.findByReference(new CaseReference(reference))
                .map(c -> registry.ofCase(reference).stream().map(DocumentView::of).toList());
    }

    public Optional<Download> downloadByStaff(long id, String staffMember, String role) {
        return registry.byId(id).map(document -> {
            JournalEvent event = document.caseReference() == null
                    ? JournalEvent.on(staffMember, role, JournalActions.DOCUMENT_DOWNLOADED, "document", String.valueOf(id))
                    : JournalEvent.onCase(staffMember, role, JournalActions.DOCUMENT_DOWNLOADED, document.caseReference());
            journal.record(event.withPurpose(CaseConsultation.PURPOSE_HANDLING)
                    .withDetail("documentId", String.valueOf(id))
                    .withDetail("documentType", document.type()));
            return new Download(document, registry.content(document));
        });
    }

    /** A requester-facing document of the case of this tracking token; empty for anything else (same 404). */
    public Optional<Download> downloadByRequester(String token, long id) {
        if (!TrackingToken.isWellFormed(token)) {
            return Optional.empty();
        }
        Optional<AccessCase> found = cases.findByTrackingTokenHash(new TrackingToken(token).hash());
        if (found.isEmpty()) {
            return Optional.empty();
        }
        AccessCase c = found.get();
        return registry.byId(id)
                .filter(d -> d.requesterFacing() && c.reference().value().equals(d.caseReference()))
                .map(document -> {
                    journal.record(CaseEvents.byRequester(JournalActions.DOCUMENT_DOWNLOADED, c)
                            .withDetail("documentId", String.valueOf(id))
                            .withDetail("documentType", document.type()));
                    return new Download(document, registry.content(document));
                });
    }
}
