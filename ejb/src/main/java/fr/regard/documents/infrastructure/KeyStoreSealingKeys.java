package fr.regard.documents.infrastructure;

import fr.regard.documents.domain.SealingKeys;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.Provider;
import java.security.Security;
import java.security.Signature;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.bouncycastle.jce.provider.BouncyCastleProvider;

/**
 * Seal keys in a Java key store: a PKCS#12 file (the embedded default's demo seal, or a city's own software
 * certificate) or a PKCS#11 token through the JDK's SunPKCS11 provider (an HSM; SoftHSM2 in CI). Only the key
 * handle is held: with PKCS#11 the key is created non-extractable on the token and every signature is computed
 * there ({@link Signature} with the token's provider); nothing here can export it.
 */
public final class KeyStoreSealingKeys implements SealingKeys {

    /** BouncyCastle signs ECDSA faster than the JDK here (DESIGN.md, "Crypto speed"); never registered globally. */
    private static final Provider SOFTWARE = new BouncyCastleProvider();

    private final PrivateKey key;
    private final Provider provider;
    private final List<X509Certificate> chain;
    private final String algorithm;

    KeyStoreSealingKeys(PrivateKey key, Provider provider, List<X509Certificate> chain) {
        if (chain.isEmpty()) {
            throw new IllegalStateException("The seal key has no certificate");
        }
        this.key = key;
        this.provider = provider;
        this.chain = List.copyOf(chain);
        String keyAlgorithm = chain.get(0).getPublicKey().getAlgorithm();
        this.algorithm = switch (keyAlgorithm) {
            case "EC" -> "SHA256withECDSA";
            case "RSA" -> "SHA256withRSA";
            default -> throw new IllegalStateException("Unsupported seal key algorithm " + keyAlgorithm);
        };
    }

    /** The key {@code alias} of a PKCS#12 file. */
    public static KeyStoreSealingKeys pkcs12(Path file, char[] password, String alias) {
        try (InputStream in = Files.newInputStream(file)) {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(in, password);
            return fromStore(store, alias, password, SOFTWARE, file.toString());
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException("Cannot read the seal key store " + file, e);
        }
    }

    /**
     * The key {@code alias} of a PKCS#11 token, with SunPKCS11 configured by {@code config} (the contents of a
     * SunPKCS11 configuration: {@code name}, {@code library}, {@code slot} or {@code slotListIndex}).
     */
    public static KeyStoreSealingKeys pkcs11(String config, char[] pin, String alias) {
        try {
            Provider configured = Security.getProvider("SunPKCS11").configure("--" + config);
            KeyStore store = KeyStore.getInstance("PKCS11", configured);
            store.load(null, pin);
            return fromStore(store, alias, null, configured, configured.getName());
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException("Cannot open the PKCS#11 seal token (" + firstLine(config) + ")", e);
        }
    }

    /**
     * A SunPKCS11 configuration for {@code library} and a slot id (or, when {@code slot} is negative, a slot index).
     * Private keys generated through it (e.g. {@code keytool -genkeypair} on the token) are sensitive and not
     * extractable.
     */
    public static String pkcs11Config(String name, Path library, long slot, int slotListIndex) {
        StringBuilder config = new StringBuilder("name = ").append(name).append('\n')
                .append("library = ").append(library).append('\n');
        if (slot >= 0) {
            config.append("slot = ").append(slot).append('\n');
        } else {
            config.append("slotListIndex = ").append(slotListIndex).append('\n');
        }
        config.append("attributes(generate, CKO_PRIVATE_KEY, *) = {\n  CKA_SENSITIVE = true\n  CKA_EXTRACTABLE = false\n}\n");
        return config.toString();
    }

    private static KeyStoreSealingKeys fromStore(KeyStore store, String alias, char[] password, Provider provider, String where)
            throws GeneralSecurityException {
        if (alias == null || alias.isBlank()) {
            List<String> aliases = Collections.list(store.aliases()).stream().filter(a -> isKey(store, a)).toList();
            if (aliases.size() != 1) {
                throw new IllegalStateException("Name the seal key (regard.seal.key-alias): " + where + " holds " + aliases);
            }
            alias = aliases.get(0);
        }
        Key key = store.getKey(alias, password);
        if (!(key instanceof PrivateKey privateKey)) {
            throw new IllegalStateException("No private key " + alias + " in " + where);
        }
        Certificate[] certificates = store.getCertificateChain(alias);
        if (certificates == null || certificates.length == 0) {
            certificates = new Certificate[] {store.getCertificate(alias)};
        }
        List<X509Certificate> chain = new ArrayList<>();
        for (Certificate certificate : certificates) {
            if (certificate != null) {
                chain.add((X509Certificate) certificate);
            }
        }
        return new KeyStoreSealingKeys(privateKey, provider, chain);
    }

    private static boolean isKey(KeyStore store, String alias) {
        try {
            return store.isKeyEntry(alias);
        } catch (GeneralSecurityException e) {
            return false;
        }
    }

    private static String firstLine(String config) {
        return config.lines().findFirst().orElse("");
    }

    @Override
    public String signatureAlgorithm() {
        return algorithm;
    }

    @Override
    public byte[] sign(byte[] data) {
        try {
            Signature signature = Signature.getInstance(algorithm, provider == null ? SOFTWARE : provider);
            signature.initSign(key);
            signature.update(data);
            return signature.sign();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("The seal key could not sign", e);
        }
    }

    @Override
    public List<X509Certificate> certificateChain() {
        return chain;
    }
}
