package fr.regard.documents.domain;

import java.time.Instant;

/**
 * Accusé de réception du retrait: the requester withdrew the request; its handling stopped, the preservation placed
 * for it was lifted and any extract made for it destroyed.
 */
public record WithdrawalAcknowledgement(String reference, Instant issuedAt, Recipient recipient, Instant receivedAt,
                                        Instant withdrawnAt) implements DocumentModel {

    public WithdrawalAcknowledgement {
        reference = Checks.text(reference, "reference");
        Checks.present(issuedAt, "issuedAt");
        Checks.present(recipient, "recipient");
        Checks.present(receivedAt, "receivedAt");
        Checks.present(withdrawnAt, "withdrawnAt");
    }

    @Override
    public DocumentType type() {
        return DocumentType.WITHDRAWAL_ACKNOWLEDGEMENT;
    }
}
