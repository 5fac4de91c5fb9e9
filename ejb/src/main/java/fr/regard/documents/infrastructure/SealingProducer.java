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
import java.util.Optional;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

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
    @ConfigProperty(name = "regard.seal.pkcs11.library")
    Optional<String> pkcs11Library;

    @Inject
    @ConfigProperty(name = "regard.seal.pkcs11.config")
    Optional<String> pkcs11Config;

    @Inject
    @ConfigProperty(name = "regard.seal.pkcs11.slot", defaultValue = "-1")
    long pkcs11Slot;

    @Inject
    @ConfigProperty(name = "regard.seal.pkcs11.slot-index", defaultValue = "0")
    int pkcs11SlotIndex;

    @Inject
    @ConfigProperty(name = "regard.seal.pin")
    Optional<String> pin;

    @Inject
    @ConfigProperty(name = "regard.seal.keystore")
    Optional<String> keystore;

    @Inject
    @ConfigProperty(name = "regard.seal.keystore-password")
    Optional<String> keystorePassword;

    @Inject
    @ConfigProperty(name = "regard.seal.key-alias")
    Optional<String> keyAlias;

    @Inject
    @ConfigProperty(name = "regard.seal.level", defaultValue = "LTA")
    String level;

    @Inject
    @ConfigProperty(name = "regard.seal.reason", defaultValue = "Document délivré par la Ville de Lille (Regard)")
    String reason;

    @Inject
    @ConfigProperty(name = "regard.seal.location", defaultValue = "Lille, France")
    String location;

    @Inject
    DemoPkiProvider demoPki;

    @Inject
    TimestampAuthority tsa;

    @Produces
    @Singleton
    SealingKeys sealingKeys() {
        if (present(pkcs11Library) || present(pkcs11Config)) {
            String config = present(pkcs11Config) ? read(Path.of(pkcs11Config.get().strip()))
                    : KeyStoreSealingKeys.pkcs11Config("regard-seal", Path.of(pkcs11Library.get().strip()), pkcs11Slot, pkcs11SlotIndex);
            LOG.info("Seal key on a PKCS#11 token (" + (present(pkcs11Config) ? pkcs11Config.get() : pkcs11Library.get()) + ")");
            return KeyStoreSealingKeys.pkcs11(config, pin.orElse("").toCharArray(), keyAlias.orElse(null));
        }
        if (present(keystore)) {
            LOG.info("Seal key in the PKCS#12 store " + keystore.get());
            return KeyStoreSealingKeys.pkcs12(Path.of(keystore.get().strip()), keystorePassword.orElse("").toCharArray(),
                    keyAlias.orElse(null));
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
        return new PadesSealer(keys, tsa, revocation, SealLevel.parse(level), reason, location);
    }

    private static boolean present(Optional<String> value) {
        return value.isPresent() && !value.get().isBlank();
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the PKCS#11 configuration " + file, e);
        }
    }
}
