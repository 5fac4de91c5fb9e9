package fr.regard.documents.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * Demande de complément: the request is imprecise or, on reasonable doubt only, the requester's identity must be
 * proven (décret 2019-536; GDPR art. 12(6)). Lists what is missing and by when; says whether the answer period is
 * paused meanwhile (policy).
 */
public record ComplementRequest(String reference, Instant issuedAt, Recipient recipient, Instant receivedAt,
                                List<String> missingInformation, boolean identityProofRequested, LocalDate complementDue,
                                boolean responseClockPaused, String trackingUrl) implements DocumentModel {

    public ComplementRequest {
        reference = Checks.text(reference, "reference");
        Checks.present(issuedAt, "issuedAt");
        Checks.present(recipient, "recipient");
        Checks.present(receivedAt, "receivedAt");
        missingInformation = Checks.nonEmpty(missingInformation, "missingInformation");
        Checks.present(complementDue, "complementDue");
        trackingUrl = Checks.text(trackingUrl, "trackingUrl");
    }

    @Override
    public DocumentType type() {
        return DocumentType.COMPLEMENT_REQUEST;
    }
}
