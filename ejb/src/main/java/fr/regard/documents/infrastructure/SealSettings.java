package fr.regard.documents.infrastructure;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** The {@code regard.seal.*} settings (docs/operations.md) and which key store they select. */
@ApplicationScoped
public class SealSettings {

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
    @ConfigProperty(name = "regard.tsa.url")
    Optional<String> tsaUrl;

    // Accessors, never field reads: callers hold the bean's client proxy, whose own fields stay null.

    public Optional<String> pkcs11Library() {
        return pkcs11Library;
    }

    public Optional<String> pkcs11Config() {
        return pkcs11Config;
    }

    public long pkcs11Slot() {
        return pkcs11Slot;
    }

    public int pkcs11SlotIndex() {
        return pkcs11SlotIndex;
    }

    public Optional<String> pin() {
        return pin;
    }

    public Optional<String> keystore() {
        return keystore;
    }

    public Optional<String> keystorePassword() {
        return keystorePassword;
    }

    public Optional<String> keyAlias() {
        return keyAlias;
    }

    public String level() {
        return level;
    }

    public String reason() {
        return reason;
    }

    public String location() {
        return location;
    }

    /** A PKCS#11 token holds the seal key. */
    public boolean pkcs11() {
        return present(pkcs11Library) || present(pkcs11Config);
    }

    /** A PKCS#12 file holds the seal key. */
    public boolean pkcs12() {
        return !pkcs11() && present(keystore);
    }

    /** The seal or the TSA comes from the demo PKI. */
    public boolean demoPkiInUse() {
        return !present(tsaUrl) || !pkcs11() && !pkcs12();
    }

    static boolean present(Optional<String> value) {
        return value.isPresent() && !value.get().isBlank();
    }
}
