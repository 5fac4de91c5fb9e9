package fr.regard.documents.domain;

import java.time.Instant;
import java.time.LocalDate;

/**
 * Clôture faute de complément: the complement was not received by its deadline (décret 2019-536); the request is
 * closed, the footage no longer preserved for it; a new request remains possible.
 */
public record ClosureMissingComplement(String reference, Instant issuedAt, Recipient recipient, Instant receivedAt,
                                       LocalDate complementDue) implements DocumentModel {

    public ClosureMissingComplement {
        reference = Checks.text(reference, "reference");
        Checks.present(issuedAt, "issuedAt");
        Checks.present(recipient, "recipient");
        Checks.present(receivedAt, "receivedAt");
        Checks.present(complementDue, "complementDue");
    }

    @Override
    public DocumentType type() {
        return DocumentType.CLOSURE_MISSING_COMPLEMENT;
    }
}
