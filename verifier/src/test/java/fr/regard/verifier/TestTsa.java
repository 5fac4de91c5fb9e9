package fr.regard.verifier;

import java.io.StringWriter;
import java.math.BigInteger;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.ess.ESSCertIDv2;
import org.bouncycastle.asn1.ess.SigningCertificateV2;
import org.bouncycastle.asn1.nist.NISTObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaCertStore;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.cms.CMSAttributeTableGenerator;
import org.bouncycastle.cms.DefaultSignedAttributeTableGenerator;
import org.bouncycastle.cms.SignerInfoGenerator;
import org.bouncycastle.cms.jcajce.JcaSignerInfoGeneratorBuilder;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoGeneratorBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;
import org.bouncycastle.tsp.TSPAlgorithms;
import org.bouncycastle.tsp.TimeStampRequest;
import org.bouncycastle.tsp.TimeStampRequestGenerator;
import org.bouncycastle.tsp.TimeStampResponse;
import org.bouncycastle.tsp.TimeStampResponseGenerator;
import org.bouncycastle.tsp.TimeStampTokenGenerator;

import fr.regard.journal.format.SignedNote;

/**
 * A throwaway RFC 3161 time-stamping authority for tests: a self-signed CA and a TSA certificate it issued with the
 * CRITICAL extended key usage id-kp-timeStamping (RFC 3161 §2.3), answering with BouncyCastle's
 * {@link TimeStampResponseGenerator}.
 */
final class TestTsa {

    private static final ASN1ObjectIdentifier POLICY = new ASN1ObjectIdentifier("1.3.6.1.4.1.99999.1");

    final X509Certificate ca;
    final X509Certificate tsa;
    /** Same issuer, serial, subject and key as {@link #tsa}, but id-kp-timeStamping is not critical. */
    final X509Certificate laxTwin;
    private final KeyPair tsaKeys;
    private final AtomicLong serial = new AtomicLong(1);
    private final Instant genTime;

    private TestTsa(Instant genTime) throws Exception {
        this.genTime = genTime;
        KeyPair caKeys = ecKeys();
        tsaKeys = ecKeys();
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        Date from = Date.from(now.minus(3650, ChronoUnit.DAYS));
        Date to = Date.from(now.plus(3650, ChronoUnit.DAYS));
        X500Name caName = new X500Name("CN=Regard Test Root CA,O=Ville de Test,C=FR");
        X509v3CertificateBuilder caBuilder = new JcaX509v3CertificateBuilder(caName, BigInteger.ONE, from, to, caName,
                caKeys.getPublic())
                .addExtension(Extension.basicConstraints, true, new BasicConstraints(true))
                .addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign));
        ca = certificate(caBuilder, caKeys);
        tsa = certificate(tsaBuilder(caName, from, to, true), caKeys);
        laxTwin = certificate(tsaBuilder(caName, from, to, false), caKeys);
    }

    /** A TSA whose certificate has the critical EKU id-kp-timeStamping, stamping at the given time. */
    static TestTsa create(Instant genTime) throws Exception {
        return new TestTsa(genTime);
    }

    private X509v3CertificateBuilder tsaBuilder(X500Name caName, Date from, Date to, boolean criticalEku)
            throws Exception {
        return new JcaX509v3CertificateBuilder(caName, BigInteger.TWO, from, to,
                new X500Name("CN=Regard Test TSA,O=Ville de Test,C=FR"), tsaKeys.getPublic())
                .addExtension(Extension.basicConstraints, true, new BasicConstraints(false))
                .addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature))
                .addExtension(Extension.extendedKeyUsage, criticalEku, new ExtendedKeyUsage(KeyPurposeId.id_kp_timeStamping));
    }

    /** The DER TimeStampToken over SHA-256 of {@code message}. */
    byte[] timestamp(byte[] message) {
        try {
            return timestamp(message, new JcaSimpleSignerInfoGeneratorBuilder()
                    .build("SHA256withECDSA", tsaKeys.getPrivate(), tsa));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * A token whose signing-certificate attribute (RFC 5035 ESSCertIDv2) names {@link #laxTwin}, as a TSA with a
     * misissued certificate would produce (BouncyCastle's generator refuses such a certificate, hence the twin).
     */
    byte[] timestampNamingTheLaxTwin(byte[] message) {
        try {
            byte[] twinHash = MessageDigest.getInstance("SHA-256").digest(laxTwin.getEncoded());
            CMSAttributeTableGenerator attributes = parameters -> new DefaultSignedAttributeTableGenerator()
                    .getAttributes(parameters)
                    .add(PKCSObjectIdentifiers.id_aa_signingCertificateV2, new SigningCertificateV2(new ESSCertIDv2(twinHash)));
            SignerInfoGenerator signer = new JcaSignerInfoGeneratorBuilder(new JcaDigestCalculatorProviderBuilder().build())
                    .setSignedAttributeGenerator(attributes)
                    .build(new JcaContentSignerBuilder("SHA256withECDSA").build(tsaKeys.getPrivate()), tsa);
            return timestamp(message, signer);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private byte[] timestamp(byte[] message, SignerInfoGenerator signer) {
        try {
            TimeStampTokenGenerator tokens = new TimeStampTokenGenerator(signer,
                    new JcaDigestCalculatorProviderBuilder().build().get(new AlgorithmIdentifier(NISTObjectIdentifiers.id_sha256)),
                    POLICY);
            tokens.addCertificates(new JcaCertStore(List.of(tsa)));
            TimeStampRequestGenerator requests = new TimeStampRequestGenerator();
            requests.setCertReq(true);
            TimeStampRequest request = requests.generate(TSPAlgorithms.SHA256,
                    MessageDigest.getInstance("SHA-256").digest(message), BigInteger.valueOf(serial.get()));
            TimeStampResponse response = new TimeStampResponseGenerator(tokens, TSPAlgorithms.ALLOWED)
                    .generate(request, BigInteger.valueOf(serial.getAndIncrement()), Date.from(genTime));
            return response.getTimeStampToken().getEncoded();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** The token of a signed checkpoint note: imprint over its UTF-8 bytes. */
    byte[] timestamp(SignedNote note) {
        return timestamp(note.toBytes());
    }

    String pem() {
        return pem(tsa) + pem(ca);
    }

    static String pem(X509Certificate certificate) {
        try {
            StringWriter out = new StringWriter();
            out.write("-----BEGIN CERTIFICATE-----\n");
            out.write(Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(certificate.getEncoded()));
            out.write("\n-----END CERTIFICATE-----\n");
            return out.toString();
        } catch (java.security.cert.CertificateEncodingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static KeyPair ecKeys() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp256r1"));
        return generator.generateKeyPair();
    }

    private static X509Certificate certificate(X509v3CertificateBuilder builder, KeyPair issuer) throws Exception {
        return new JcaX509CertificateConverter().getCertificate(
                builder.build(new JcaContentSignerBuilder("SHA256withECDSA").build(issuer.getPrivate())));
    }
}
