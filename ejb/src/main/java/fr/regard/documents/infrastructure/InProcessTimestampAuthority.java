package fr.regard.documents.infrastructure;

import fr.regard.documents.domain.TimestampAuthority;
import java.io.IOException;
import java.math.BigInteger;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.util.Date;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.nist.NISTObjectIdentifiers;
import org.bouncycastle.cert.jcajce.JcaCertStore;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoGeneratorBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.tsp.TSPAlgorithms;
import org.bouncycastle.tsp.TSPException;
import org.bouncycastle.tsp.TimeStampRequest;
import org.bouncycastle.tsp.TimeStampRequestGenerator;
import org.bouncycastle.tsp.TimeStampResponse;
import org.bouncycastle.tsp.TimeStampResponseGenerator;
import org.bouncycastle.tsp.TimeStampTokenGenerator;

/**
 * An RFC 3161 authority inside the application (BouncyCastle), with the demo PKI's TSA certificate: the embedded
 * default and the tests get real, verifiable tokens without a network. A real deployment configures a qualified
 * TSA ({@code regard.tsa.url}) instead.
 */
public final class InProcessTimestampAuthority implements TimestampAuthority {

    /** Policy identifier of the demo TSA (an arc reserved for examples; not a qualified policy). */
    static final ASN1ObjectIdentifier DEMO_POLICY = new ASN1ObjectIdentifier("1.3.6.1.4.1.99999.3161.1");

    private final PrivateKey key;
    private final X509Certificate[] chain;
    private final AtomicLong serial = new AtomicLong(System.currentTimeMillis());

    public InProcessTimestampAuthority(PrivateKey key, X509Certificate[] chain) {
        this.key = key;
        this.chain = chain.clone();
    }

    @Override
    public synchronized byte[] timestamp(byte[] data) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(data);
            TimeStampRequestGenerator requests = new TimeStampRequestGenerator();
            requests.setCertReq(true);
            TimeStampRequest request = requests.generate(TSPAlgorithms.SHA256, digest,
                    BigInteger.valueOf(new SecureRandom().nextLong()));
            TimeStampTokenGenerator tokens = new TimeStampTokenGenerator(
                    new JcaSimpleSignerInfoGeneratorBuilder().build("SHA256withECDSA", key, chain[0]),
                    new org.bouncycastle.operator.bc.BcDigestCalculatorProvider().get(
                            new org.bouncycastle.asn1.x509.AlgorithmIdentifier(NISTObjectIdentifiers.id_sha256)),
                    DEMO_POLICY);
            tokens.addCertificates(new JcaCertStore(List.of(chain)));
            TimeStampResponse response = new TimeStampResponseGenerator(tokens, TSPAlgorithms.ALLOWED)
                    .generate(request, BigInteger.valueOf(serial.incrementAndGet()), new Date());
            response.validate(request);
            return response.getTimeStampToken().getEncoded();
        } catch (NoSuchAlgorithmException | OperatorCreationException | CertificateEncodingException
                 | TSPException | IOException e) {
            throw new IllegalStateException("The in-process time-stamping authority failed", e);
        }
    }

    @Override
    public List<X509Certificate> certificateChain() {
        return List.of(chain);
    }
}
