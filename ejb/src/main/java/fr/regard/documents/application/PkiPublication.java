package fr.regard.documents.application;

import fr.regard.documents.infrastructure.DemoPkiProvider;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.security.GeneralSecurityException;
import java.util.Optional;

/**
 * What Regard publishes of its demonstration PKI, for validators following the certificates' pointers: the CA
 * certificate (AIA caIssuers) and its current CRL (CRL distribution point). Empty when neither the seal nor the
 * TSA uses the demo PKI (a production deployment's CA and TSA publish their own).
 */
@ApplicationScoped
public class PkiPublication {

    @Inject
    DemoPkiProvider demoPki;

    /** The demo CA certificate (DER). */
    public Optional<byte[]> caCertificate() {
        if (!demoPki.inUse()) {
            return Optional.empty();
        }
        try {
            return Optional.of(demoPki.get().caCertificate().getEncoded());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Unreadable demo CA certificate", e);
        }
    }

    /** The demo CA's current CRL (DER), re-issued when near its nextUpdate. */
    public Optional<byte[]> crl() {
        if (!demoPki.inUse()) {
            return Optional.empty();
        }
        try {
            return Optional.of(demoPki.get().crl().getEncoded());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Unreadable demo CRL", e);
        }
    }
}
