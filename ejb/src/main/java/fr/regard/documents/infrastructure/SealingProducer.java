package fr.regard.documents.infrastructure;

import fr.regard.documents.domain.DocumentSealer;
import fr.regard.documents.domain.RevocationSource;
import fr.regard.documents.domain.SealingKeys;
import fr.regard.documents.domain.TimestampAuthority;
import fr.regard.documents.format.SealLevel;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.logging.Logger;

/**
 * Chooses the seal key store (docs/operations.md, {@code regard.seal.*}): a PKCS#11 token when
 * {@code regard.seal.pkcs11.library} or {@code regard.seal.pkcs11.config} is set, else a PKCS#12 file when
 * {@code regard.seal.keystore} is set, else the demo PKI's seal (embedded default). Also the revocation source
 * and the {@link DocumentSealer} at the configured PAdES level ({@code regard.seal.level}, default LTA).
 */
@ApplicationScoped
public class SealingProducer {

    private static final Logger LOG = Logger.getLogger(SealingProducer.class.getName());

    @Inject
    SealSettings settings;

    @Inject
    DemoPkiProvider demoPki;

    @Inject
    TimestampAuthority tsa;

    @Produces
    @Singleton
    SealingKeys sealingKeys() {
        SealSettings s = settings;
        if (s.pkcs11()) {
            boolean file = SealSettings.present(s.pkcs11Config());
            String config = file ? read(Path.of(s.pkcs11Config().get().strip()))
                    : KeyStoreSealingKeys.pkcs11Config("regard-seal", Path.of(s.pkcs11Library().get().strip()), s.pkcs11Slot(),
                    s.pkcs11SlotIndex());
            LOG.info("Seal key on a PKCS#11 token (" + (file ? s.pkcs11Config().get() : s.pkcs11Library().get()) + ")");
            return KeyStoreSealingKeys.pkcs11(config, s.pin().orElse("").toCharArray(), s.keyAlias().orElse(null));
        }
        if (s.pkcs12()) {
            LOG.info("Seal key in the PKCS#12 store " + s.keystore().get());
            return KeyStoreSealingKeys.pkcs12(Path.of(s.keystore().get().strip()), s.keystorePassword().orElse("").toCharArray(),
                    s.keyAlias().orElse(null));
        }
        DemoPki pki = demoPki.get();
        return new KeyStoreSealingKeys(pki.privateKey(DemoPki.SEAL_ALIAS), null, java.util.List.of(pki.chain(DemoPki.SEAL_ALIAS)));
    }

    @Produces
    @Singleton
    RevocationSource revocationSource() {
        DemoPki pki = demoPki.get();
        return new CrlRevocationSource(pki.caCertificate(), pki::crl);
    }

    @Produces
    @Singleton
    DocumentSealer documentSealer(SealingKeys keys, RevocationSource revocation) {
        return new PadesSealer(keys, tsa, revocation, SealLevel.parse(settings.level()), settings.reason(), settings.location());
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the PKCS#11 configuration " + file, e);
        }
    }
}
