package fr.regard.documents.infrastructure;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * The embedded default's demonstration PKI, generated at first start in {@code <data>/keys/demo-pki.p12}: a root
 * CA and a time-stamping authority certificate (critical extended key usage timeStamping only, as RFC 3161
 * requires). Never for production: a city uses a qualified TSA and a seal certificate in an HSM.
 */
public final class DemoPki {

    public static final String CA_ALIAS = "demo-ca";
    public static final String TSA_ALIAS = "demo-tsa";

    private final KeyStore store;
    private final char[] password;

    private DemoPki(KeyStore store, char[] password) {
        this.store = store;
        this.password = password;
    }

    /** Loads the demo PKI from {@code file}, generating it first if the file does not exist. */
    public static synchronized DemoPki loadOrCreate(Path file, char[] password) {
        try {
            if (!Files.exists(file)) {
                KeyStore generated = generate(password);
                Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
                try (OutputStream out = Files.newOutputStream(tmp)) {
                    generated.store(out, password);
                }
                Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE);
            }
            KeyStore store = KeyStore.getInstance("PKCS12");
            try (InputStream in = Files.newInputStream(file)) {
                store.load(in, password);
            }
            return new DemoPki(store, password);
        } catch (IOException | GeneralSecurityException | OperatorCreationException e) {
            throw new IllegalStateException("Cannot load or create the demo PKI at " + file, e);
        }
    }

    public PrivateKey privateKey(String alias) {
        try {
            return (PrivateKey) store.getKey(alias, password);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("No private key " + alias + " in the demo PKI", e);
        }
    }

    public X509Certificate[] chain(String alias) {
        try {
            Certificate[] chain = store.getCertificateChain(alias);
            X509Certificate[] result = new X509Certificate[chain.length];
            for (int i = 0; i < chain.length; i++) {
                result[i] = (X509Certificate) chain[i];
            }
            return result;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("No certificate chain " + alias + " in the demo PKI", e);
        }
    }

    private static KeyStore generate(char[] password) throws GeneralSecurityException, IOException, OperatorCreationException {
        Instant now = Instant.now();
        KeyPair caKeys = ecKeyPair();
        X500Name caName = new X500Name("CN=Regard - AC de démonstration,O=Ville de Lille (démonstration),C=FR");
        JcaX509ExtensionUtils extensions = new JcaX509ExtensionUtils();
        X509v3CertificateBuilder ca = new JcaX509v3CertificateBuilder(caName, serial(), Date.from(now.minus(Duration.ofDays(1))),
                Date.from(now.plus(Duration.ofDays(3650))), caName, caKeys.getPublic())
                .addExtension(Extension.basicConstraints, true, new BasicConstraints(true))
                .addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign))
                .addExtension(Extension.subjectKeyIdentifier, false, extensions.createSubjectKeyIdentifier(caKeys.getPublic()));
        X509Certificate caCert = sign(ca, caKeys.getPrivate());

        KeyPair tsaKeys = ecKeyPair();
        X509v3CertificateBuilder tsa = new JcaX509v3CertificateBuilder(caCert, serial(), Date.from(now.minus(Duration.ofDays(1))),
                Date.from(now.plus(Duration.ofDays(3650))),
                new X500Name("CN=Regard - horodatage de démonstration,O=Ville de Lille (démonstration),C=FR"), tsaKeys.getPublic())
                .addExtension(Extension.basicConstraints, true, new BasicConstraints(false))
                .addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature))
                .addExtension(Extension.extendedKeyUsage, true, new ExtendedKeyUsage(KeyPurposeId.id_kp_timeStamping))
                .addExtension(Extension.authorityKeyIdentifier, false, extensions.createAuthorityKeyIdentifier(caCert))
                .addExtension(Extension.subjectKeyIdentifier, false, extensions.createSubjectKeyIdentifier(tsaKeys.getPublic()));
        X509Certificate tsaCert = sign(tsa, caKeys.getPrivate());

        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(null, password);
        store.setKeyEntry(CA_ALIAS, caKeys.getPrivate(), password, new Certificate[] {caCert});
        store.setKeyEntry(TSA_ALIAS, tsaKeys.getPrivate(), password, new Certificate[] {tsaCert, caCert});
        return store;
    }

    private static KeyPair ecKeyPair() throws GeneralSecurityException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp256r1"));
        return generator.generateKeyPair();
    }

    private static BigInteger serial() {
        return new BigInteger(64, new SecureRandom()).abs().add(BigInteger.ONE);
    }

    private static X509Certificate sign(X509v3CertificateBuilder builder, PrivateKey key)
            throws OperatorCreationException, GeneralSecurityException {
        return new JcaX509CertificateConverter().getCertificate(
                builder.build(new JcaContentSignerBuilder("SHA256withECDSA").build(key)));
    }
}
