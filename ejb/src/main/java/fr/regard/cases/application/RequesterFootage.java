package fr.regard.cases.application;

import fr.regard.archive.application.ExtractionService;
import fr.regard.cases.domain.CaseRepository;
import fr.regard.cases.domain.TrackingToken;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.util.Optional;

/**
 * The requester's download of the masked copy with their tracking link (GDPR art. 15(3)): only their own case's
 * copies, only while made available; journalled as theirs, in the read's transaction.
 */
@Stateless
public class RequesterFootage {

    @Inject
    CaseRepository cases;

    @Inject
    ExtractionService extraction;

    public Optional<ExtractionService.Download> download(String token, long extractId) {
        if (!TrackingToken.isWellFormed(token)) {
            return Optional.empty();
        }
        return cases.findByTrackingTokenHash(new TrackingToken(token).hash())
                .flatMap(c -> extraction.downloadByRequester(c, extractId));
    }
}
