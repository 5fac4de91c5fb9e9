package fr.regard.cases.application;

import fr.regard.cases.domain.CaseReference;
import fr.regard.cases.domain.CaseRepository;
import fr.regard.cases.domain.TrackingToken;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.util.Optional;

/** Read side of cases: the staff view by reference, the requester's view by tracking token. */
@Stateless
@TransactionAttribute(TransactionAttributeType.SUPPORTS)
public class CaseQueries {

    @Inject
    CaseRepository cases;

    public Optional<CaseView> byReference(String reference) {
        if (!CaseReference.isWellFormed(reference)) {
            return Optional.empty();
        }
        return cases.findByReference(new CaseReference(reference)).map(CaseView::of);
    }

    public Optional<TrackingView> byTrackingToken(String token) {
        if (!TrackingToken.isWellFormed(token)) {
            return Optional.empty();
        }
        return cases.findByTrackingTokenHash(new TrackingToken(token).hash()).map(TrackingView::of);
    }
}
