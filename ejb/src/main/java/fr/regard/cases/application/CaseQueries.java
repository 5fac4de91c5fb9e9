package fr.regard.cases.application;

import fr.regard.archive.application.ExtractionService;
import java.time.Instant;
import fr.regard.archive.domain.FootageArchive;
import fr.regard.cases.domain.AccessCase;
import fr.regard.cases.domain.CaseReference;
import fr.regard.cases.domain.CaseRepository;
import fr.regard.cases.domain.RefusalGround;
import fr.regard.cases.domain.TrackingToken;
import fr.regard.correspondence.domain.Correspondence;
import fr.regard.documents.registry.DocumentRegistry;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** Read side of cases: the staff view by reference, the requester's view by tracking token, the grounds catalogue. */
@Stateless
@TransactionAttribute(TransactionAttributeType.SUPPORTS)
public class CaseQueries {

    @Inject
    CaseRepository cases;

    @Inject
    Correspondence correspondence;

    @Inject
    FootageArchive archive;

    @Inject
    DocumentRegistry documents;

    @Inject
    ExtractionService extraction;

    public Optional<CaseView> byReference(String reference) {
        if (!CaseReference.isWellFormed(reference)) {
            return Optional.empty();
        }
        return cases.findByReference(new CaseReference(reference)).map(this::staffView);
    }

    public Optional<TrackingView> byTrackingToken(String token) {
        if (!TrackingToken.isWellFormed(token)) {
            return Optional.empty();
        }
        return cases.findByTrackingTokenHash(new TrackingToken(token).hash()).map(this::trackingView);
    }

    /** The refusal grounds catalogue, in order. */
    public List<RefusalGroundView> refusalGrounds() {
        return Arrays.stream(RefusalGround.values()).map(RefusalGroundView::of).toList();
    }

    public CaseView staffView(AccessCase c) {
        String reference = c.reference().value();
        return CaseView.of(c,
                correspondence.lettersOf(reference).stream().map(LetterView::of).toList(),
                archive.actionsOf(reference).stream().map(ArchiveActionView::of).toList(),
                cases.complementsOf(c.id()));
    }

    public TrackingView trackingView(AccessCase c) {
        String reference = c.reference().value();
        return TrackingView.of(c, correspondence.lettersOf(reference).stream().map(LetterView::of).toList(),
                documents.ofCase(reference).stream().map(DocumentView::of).toList(),
                extraction.requesterCopies(c, Instant.now()).stream()
                        .map(e -> new TrackingView.FootageCopy(e.id(), e.cameraId(), e.windowStart(), e.windowEnd(),
                                e.outputSize(), e.outputSha256(), c.deadlines().deliveryExpiresAt()))
                        .toList());
    }
}
