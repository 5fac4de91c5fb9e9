package fr.regard.documents.infrastructure;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.math.BigInteger;
import java.net.URI;
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
import java.security.cert.CertificateFactory;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.AuthorityInformationAccess;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.CRLDistPoint;
import org.bouncycastle.asn1.x509.CRLNumber;
import org.bouncycastle.asn1.x509.DistributionPoint;
import org.bouncycastle.asn1.x509.DistributionPointName;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.X509ObjectIdentifiers;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509v2CRLBuilder;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CRLConverter;
import org.bouncycastle.cert.jcajce.JcaX509v2CRLBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * The embedded default's demonstration PKI, generated at first start in {@code <data>/keys/demo-pki.p12}: a root
 * CA, a time-stamping authority certificate (critical extended key usage timeStamping only, as RFC 3161
 * requires) and the city's seal certificate (key usage nonRepudiation + digitalSignature), both pointing at the
 * CA's CRL ({@code <public URL>/api/v1/pki/crl}, kept in {@code demo-ca.crl} beside the store, see
 * {@link #crl()}) and at the CA certificate ({@code /api/v1/pki/ca.crt}). A store from before the seal existed
 * gets its seal certificate added at the next start. Never for production: a city uses a qualified TSA and a
 * qualified seal certificate in an HSM.
 */
public final class DemoPki {

    public static final String CA_ALIAS = "demo-ca";
    public static final String TSA_ALIAS = "demo-tsa";
    public static final String SEAL_ALIAS = "demo-seal";

    /** Path of the CA's CRL and certificate under the public URL (served by the web module's PkiResource). */
    public static final String CRL_PATH = "/api/v1/pki/crl";
    public static final String CA_CERTIFICATE_PATH = "/api/v1/pki/ca.crt";

    /** A CRL is issued for this long, and re-issued when less than {@link #CRL_REFRESH_MARGIN} is left. */
    static final Duration CRL_VALIDITY = Duration.ofDays(30);
    static final Duration CRL_REFRESH_MARGIN = Duration.ofDays(7);

    /** In DER order (country first), so that RFC 4514 shows it as "CN=…,O=…,C=FR". */
    private static final String SEAL_SUBJECT = "C=FR,O=Ville de Lille (démonstration),"
            + "CN=Ville de Lille — cachet Regard (démonstration)";

    private final KeyStore store;
    private final char[] password;
    private final Path crlFile;
    private X509CRL crl;

    private DemoPki(KeyStore store, char[] password, Path crlFile) {
        this.store = store;
        this.password = password;
        this.crlFile = crlFile;
    }

    /**
     * Loads the demo PKI from {@code file}, generating it first if the file does not exist, and adding the seal
     * certificate to a store generated before it existed. {@code publicUrl} (Regard's public base URL) goes into
     * the CRL distribution point and authority information access of the certificates generated now.
     */
    public static synchronized DemoPki loadOrCreate(Path file, char[] password, URI publicUrl) {
        try {
            if (!Files.exists(file)) {
                write(file, generate(password, publicUrl), password);
            }
            KeyStore store = KeyStore.getInstance("PKCS12");
            try (InputStream in = Files.newInputStream(file)) {
                store.load(in, password);
            }
            if (!store.containsAlias(SEAL_ALIAS)) {
                X509Certificate ca = (X509Certificate) store.getCertificate(CA_ALIAS);
                addSeal(store, password, (PrivateKey) store.getKey(CA_ALIAS, password), ca, publicUrl);
                write(file, store, password);
            }
            DemoPki pki = new DemoPki(store, password, file.resolveSibling("demo-ca.crl"));
            pki.crl();
            return pki;
        } catch (IOException | GeneralSecurityException | OperatorCreationException e) {
            throw new IllegalStateException("Cannot load or create the demo PKI at " + file, e);
        }
    }

    /**
     * The CA's current CRL (no certificate revoked), read from {@code demo-ca.crl}; issued anew at start and
     * whenever it is missing, unreadable or within {@link #CRL_REFRESH_MARGIN} of its nextUpdate, so that the
     * CRL embedded in a seal and the one served on {@link #CRL_PATH} are always current.
     */
    public synchronized X509CRL crl() {
        Instant now = Instant.now();
        if (crl == null && Files.exists(crlFile)) {
            crl = readCrl(crlFile);
        }
        if (crl == null || crl.getNextUpdate() == null
                || crl.getNextUpdate().toInstant().isBefore(now.plus(CRL_REFRESH_MARGIN))) {
            crl = issueCrl(now);
        }
        return crl;
    }

    public X509Certificate caCertificate() {
        return chain(CA_ALIAS)[0];
    }

    private X509CRL issueCrl(Instant now) {
        try {
            X509Certificate ca = caCertificate();
            X509v2CRLBuilder builder = new JcaX509v2CRLBuilder(ca.getSubjectX500Principal(), Date.from(now.minusSeconds(60)));
            builder.setNextUpdate(Date.from(now.plus(CRL_VALIDITY)));
            builder.addExtension(Extension.cRLNumber, false, new CRLNumber(BigInteger.valueOf(now.getEpochSecond())));
            builder.addExtension(Extension.authorityKeyIdentifier, false,
                    new JcaX509ExtensionUtils().createAuthorityKeyIdentifier(ca));
            X509CRL issued = new JcaX509CRLConverter().getCRL(
                    builder.build(new JcaContentSignerBuilder("SHA256withECDSA").build(privateKey(CA_ALIAS))));
            Path tmp = crlFile.resolveSibling(crlFile.getFileName() + ".tmp");
            Files.write(tmp, issued.getEncoded());
            Files.move(tmp, crlFile, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            return issued;
        } catch (IOException | GeneralSecurityException | OperatorCreationException e) {
            throw new IllegalStateException("Cannot issue the demo CA's CRL at " + crlFile, e);
        }
    }

    private static X509CRL readCrl(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return (X509CRL) CertificateFactory.getInstance("X.509").generateCRL(in);
        } catch (IOException | GeneralSecurityException e) {
            return null;
        }
    }

    private static void write(Path file, KeyStore store, char[] password) throws IOException, GeneralSecurityException {
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        try (OutputStream out = Files.newOutputStream(tmp)) {
            store.store(out, password);
        }
        Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
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

    private static KeyStore generate(char[] password, URI publicUrl)
            throws GeneralSecurityException, IOException, OperatorCreationException {
        Instant now = Instant.now();
        KeyPair caKeys = ecKeyPair();
        X500Name caName = new X500Name("C=FR,O=Ville de Lille (démonstration),CN=Regard - AC de démonstration");
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
                new X500Name("C=FR,O=Ville de Lille (démonstration),CN=Regard - horodatage de démonstration"), tsaKeys.getPublic())
                .addExtension(Extension.basicConstraints, true, new BasicConstraints(false))
                .addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature))
                .addExtension(Extension.extendedKeyUsage, true, new ExtendedKeyUsage(KeyPurposeId.id_kp_timeStamping))
                .addExtension(Extension.authorityKeyIdentifier, false, extensions.createAuthorityKeyIdentifier(caCert))
                .addExtension(Extension.subjectKeyIdentifier, false, extensions.createSubjectKeyIdentifier(tsaKeys.getPublic()));
        X509Certificate tsaCert = sign(pointers(tsa, publicUrl), caKeys.getPrivate());

        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(null, password);
        store.setKeyEntry(CA_ALIAS, caKeys.getPrivate(), password, new Certificate[] {caCert});
        store.setKeyEntry(TSA_ALIAS, tsaKeys.getPrivate(), password, new Certificate[] {tsaCert, caCert});
        addSeal(store, password, caKeys.getPrivate(), caCert, publicUrl);
        return store;
    }

    /** The seal certificate (3 years, like a real one): nonRepudiation (contentCommitment) + digitalSignature. */
    private static void addSeal(KeyStore store, char[] password, PrivateKey caKey, X509Certificate caCert, URI publicUrl)
            throws GeneralSecurityException, IOException, OperatorCreationException {
        KeyPair sealKeys = ecKeyPair();
        X509Certificate sealCert = sealCertificate(sealKeys.getPublic(), SEAL_SUBJECT, caKey, caCert, publicUrl);
        store.setKeyEntry(SEAL_ALIAS, sealKeys.getPrivate(), password, new Certificate[] {sealCert, caCert});
    }

    /**
     * A seal certificate from the demo CA for a key held elsewhere (e.g. generated on a PKCS#11 token, whose
     * certificate request gives {@code publicKey} and {@code subject}): same profile as the demo seal's.
     */
    public X509Certificate certifySeal(java.security.PublicKey publicKey, String subject, URI publicUrl) {
        try {
            return sealCertificate(publicKey, subject, privateKey(CA_ALIAS), caCertificate(), publicUrl);
        } catch (GeneralSecurityException | IOException | OperatorCreationException e) {
            throw new IllegalStateException("Cannot certify the seal key " + subject, e);
        }
    }

    private static X509Certificate sealCertificate(java.security.PublicKey publicKey, String subject, PrivateKey caKey,
                                                   X509Certificate caCert, URI publicUrl)
            throws GeneralSecurityException, IOException, OperatorCreationException {
        Instant now = Instant.now();
        JcaX509ExtensionUtils extensions = new JcaX509ExtensionUtils();
        X509v3CertificateBuilder seal = new JcaX509v3CertificateBuilder(caCert, serial(), Date.from(now.minus(Duration.ofDays(1))),
                Date.from(now.plus(Duration.ofDays(3 * 365))), new X500Name(subject), publicKey)
                .addExtension(Extension.basicConstraints, true, new BasicConstraints(false))
                .addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.nonRepudiation | KeyUsage.digitalSignature))
                .addExtension(Extension.authorityKeyIdentifier, false, extensions.createAuthorityKeyIdentifier(caCert))
                .addExtension(Extension.subjectKeyIdentifier, false, extensions.createSubjectKeyIdentifier(publicKey));
        return sign(pointers(seal, publicUrl), caKey);
    }

    /** CRL distribution point and CA issuers (AIA) on Regard's own public URL. */
    private static X509v3CertificateBuilder pointers(X509v3CertificateBuilder builder, URI publicUrl) throws IOException {
        String base = publicUrl.toString().replaceAll("/+$", "");
        GeneralName crlUrl = new GeneralName(GeneralName.uniformResourceIdentifier, base + CRL_PATH);
        builder.addExtension(Extension.cRLDistributionPoints, false, new CRLDistPoint(new DistributionPoint[] {
                new DistributionPoint(new DistributionPointName(new GeneralNames(crlUrl)), null, null)}));
        builder.addExtension(Extension.authorityInfoAccess, false, new AuthorityInformationAccess(
                X509ObjectIdentifiers.id_ad_caIssuers,
                new GeneralName(GeneralName.uniformResourceIdentifier, base + CA_CERTIFICATE_PATH)));
        return builder;
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
