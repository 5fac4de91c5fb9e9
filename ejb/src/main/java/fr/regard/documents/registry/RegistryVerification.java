package fr.regard.documents.registry;

import fr.regard.documents.application.DocumentVerification;
import fr.regard.documents.format.VerificationReport;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;

/**
 * "Did Regard issue this PDF?" for anyone: the seal check of {@link DocumentVerification} plus the registry's answer
 * (are these exact bytes a document Regard recorded, of which type and date). Reads only; nothing is journalled,
 * since an anonymous caller learns no personal data (no reference, no name: type, title and dates only).
 */
@ApplicationScoped
public class RegistryVerification {

    @Inject
    DocumentVerification verification;

    @Inject
    DocumentRegistry registry;

    /** The seal report and the registered document with the same SHA-256, if any (the oldest). */
    public record Outcome(VerificationReport report, String sha256, Optional<IssuedDocument> registered) {
    }

    public Outcome verify(byte[] pdf) {
        String sha256 = FilesystemBlobStore.sha256(pdf);
        return new Outcome(verification.verify(pdf), sha256, registry.bySha256(sha256).stream().findFirst());
    }
}
