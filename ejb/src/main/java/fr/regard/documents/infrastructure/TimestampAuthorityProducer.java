package fr.regard.documents.infrastructure;

import fr.regard.documents.domain.TimestampAuthority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Chooses the time-stamping authority: {@code regard.tsa.url} (with its certificate chain in
 * {@code regard.tsa.certificates}, a PEM file) for a real TSA, else the in-process demo authority.
 */
@ApplicationScoped
public class TimestampAuthorityProducer {

    @Inject
    @ConfigProperty(name = "regard.tsa.url")
    Optional<String> url;

    @Inject
    @ConfigProperty(name = "regard.tsa.certificates")
    Optional<String> certificates;

    @Inject
    DemoPkiProvider demoPki;

    @Produces
    @Singleton
    TimestampAuthority timestampAuthority() {
        if (url.isPresent() && !url.get().isBlank()) {
            return new HttpTimestampAuthority(URI.create(url.get().strip()), readChain());
        }
        DemoPki pki = demoPki.get();
        return new InProcessTimestampAuthority(pki.privateKey(DemoPki.TSA_ALIAS), pki.chain(DemoPki.TSA_ALIAS));
    }

    private List<X509Certificate> readChain() {
        if (certificates.isEmpty() || certificates.get().isBlank()) {
            return List.of();
        }
        return readPem(Path.of(certificates.get().strip()));
    }

    /** The certificates of a PEM (or DER) file, in file order. */
    static List<X509Certificate> readPem(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return CertificateFactory.getInstance("X.509").generateCertificates(in).stream()
                    .map(X509Certificate.class::cast).toList();
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException("Cannot read the certificates in " + file, e);
        }
    }
}
