package fr.regard.documents.domain;

/** A sealed PDF and what its seal says. */
public record SealedDocument(byte[] pdf, SealInfo seal) {
}
