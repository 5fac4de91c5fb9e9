package fr.regard.cases.application;

import fr.regard.documents.registry.IssuedDocument;
import java.time.Instant;

/** An issued document of a case as its lists show it (no content): the API adds its download URL. */
public record DocumentView(long id, String type, String title, String language, String mediaType, long size,
                           String sha256, String signer, String sealLevel, Instant signedAt, Instant issuedAt,
                           boolean requesterFacing) {

    public static DocumentView of(IssuedDocument d) {
        return new DocumentView(d.id(), d.type(), d.title(), d.language(), d.mediaType(), d.size(), d.sha256(),
                d.signer(), d.sealLevel(), d.signedAt(), d.issuedAt(), d.requesterFacing());
    }
}
