package fr.regard.documents.application;

import fr.regard.documents.domain.SealingKeys;
import fr.regard.documents.format.DocumentVerifier;
import fr.regard.documents.format.VerificationReport;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * "Did Regard issue this PDF, and is it intact?" for anyone (the verification endpoint): {@link DocumentVerifier}
 * with Regard's trust anchors, i.e. the top of the current seal certificate's chain (its root CA, or the seal
 * certificate itself when the key store holds no chain) plus the certificates of {@code regard.seal.trust-anchors}
 * (a PEM file: the CAs or seal certificates of earlier keys, so that documents sealed before a key change still
 * verify).
 */
@ApplicationScoped
public class DocumentVerification {

    @Inject
    SealingKeys keys;

    @Inject
    @ConfigProperty(name = "regard.seal.trust-anchors")
    Optional<String> extraAnchors;

    private DocumentVerifier verifier;

    @PostConstruct
    void anchors() {
        List<X509Certificate> anchors = new ArrayList<>();
        List<X509Certificate> chain = keys.certificateChain();
        anchors.add(chain.get(chain.size() - 1));
        if (extraAnchors.isPresent() && !extraAnchors.get().isBlank()) {
            Path file = Path.of(extraAnchors.get().strip());
            try (InputStream in = Files.newInputStream(file)) {
                CertificateFactory.getInstance("X.509").generateCertificates(in)
                        .forEach(certificate -> anchors.add((X509Certificate) certificate));
            } catch (IOException | GeneralSecurityException e) {
                throw new IllegalStateException("Cannot read the seal trust anchors " + file, e);
            }
        }
        verifier = new DocumentVerifier(anchors);
    }

    /** The verification of {@code pdf}; never throws for bad input (an unreadable file is a report saying so). */
    public VerificationReport verify(byte[] pdf) {
        return verifier.verify(pdf);
    }
}
