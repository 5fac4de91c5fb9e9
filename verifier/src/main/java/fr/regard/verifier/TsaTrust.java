package fr.regard.verifier;

import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Optional;

import fr.regard.journal.format.JournalBundle;
import fr.regard.journal.format.TimestampCheck;

/**
 * Which time-stamping authority certificates the RFC 3161 check trusts (verifier/README.md): those given with
 * {@code --tsa-cert} (pinned by the auditor), else the bundle's {@code keys/tsa.pem} (shipped by the server, so
 * only as good as the server), else none and timestamps are not verified.
 */
record TsaTrust(TimestampCheck check, String description) {

    static TsaTrust choose(Optional<List<X509Certificate>> pinned, JournalBundle bundle) {
        if (pinned.isPresent()) {
            return new TsaTrust(new Rfc3161TimestampCheck(pinned.get()), subject(pinned.get()) + " (--tsa-cert)");
        }
        if (bundle.tsaCertificatesPem().isEmpty()) {
            return new TsaTrust(null, "aucune (--tsa-cert absent et pas de keys/tsa.pem dans le lot)");
        }
        try {
            List<X509Certificate> shipped = PemCertificates.parse(bundle.tsaCertificatesPem().get());
            return new TsaTrust(new Rfc3161TimestampCheck(shipped), subject(shipped)
                    + " (keys/tsa.pem du lot, non épinglé : préférez --tsa-cert)");
        } catch (IllegalArgumentException e) {
            return new TsaTrust(null, "keys/tsa.pem du lot illisible (" + e.getMessage() + ")");
        }
    }

    private static String subject(List<X509Certificate> certificates) {
        return certificates.get(0).getSubjectX500Principal().getName()
                + (certificates.size() > 1 ? " et " + (certificates.size() - 1) + " autre(s)" : "");
    }
}
