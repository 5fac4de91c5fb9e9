package fr.regard.documents.domain;

import java.time.Instant;
import java.time.LocalDate;

/**
 * Notification de prolongation: the answer period is extended by two months, with reasons, and the person is told
 * within the first month (GDPR art. 12(3)).
 */
public record ExtensionNotice(String reference, Instant issuedAt, Recipient recipient, Instant receivedAt,
                              LocalDate initialDue, LocalDate extendedDue, String reasons) implements DocumentModel {

    public ExtensionNotice {
        reference = Checks.text(reference, "reference");
        Checks.present(issuedAt, "issuedAt");
        Checks.present(recipient, "recipient");
        Checks.present(receivedAt, "receivedAt");
        Checks.present(initialDue, "initialDue");
        Checks.present(extendedDue, "extendedDue");
        reasons = Checks.text(reasons, "reasons");
        if (!extendedDue.isAfter(initialDue)) {
            throw new IllegalArgumentException("The extended due date must come after the initial one");
        }
    }

    @Override
    public DocumentType type() {
        return DocumentType.EXTENSION_NOTICE;
    }
}
