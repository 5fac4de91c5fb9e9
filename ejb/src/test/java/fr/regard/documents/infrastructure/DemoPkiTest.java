package fr.regard.documents.infrastructure;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.io.OutputStream;
import java.math.BigInteger;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.cert.X509v2CRLBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CRLConverter;
import org.bouncycastle.cert.jcajce.JcaX509v2CRLBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DemoPkiTest {

    private static final URI PUBLIC = URI.create("https://regard.lille.example/");

    @TempDir
    Path keys;

    @Test
    void theSealCertificateIsForNonRepudiationWithCrlAndCaPointersOnRegard() throws Exception {
        DemoPki pki = DemoPki.loadOrCreate(keys.resolve("demo-pki.p12"), "pw".toCharArray(), PUBLIC);

        X509Certificate[] chain = pki.chain(DemoPki.SEAL_ALIAS);
        X509Certificate seal = chain[0];

        assertThat(chain).hasSize(2);
        assertThat(chain[1]).isEqualTo(pki.caCertificate());
        assertThat(seal.getSubjectX500Principal().getName()).isEqualTo(
                "CN=Ville de Lille — cachet Regard (démonstration),O=Ville de Lille (démonstration),C=FR");
        boolean[] usage = seal.getKeyUsage();
        assertThat(usage[0]).as("digitalSignature").isTrue();
        assertThat(usage[1]).as("nonRepudiation / contentCommitment").isTrue();
        assertThat(usage[5]).as("keyCertSign").isFalse();
        assertThat(seal.getBasicConstraints()).isEqualTo(-1);
        assertThat(seal.getCriticalExtensionOIDs()).contains(Extension.keyUsage.getId());
        assertThat(CrlRevocationSource.distributionPoints(seal)).containsExactly("https://regard.lille.example/api/v1/pki/crl");
        assertThat(new String(seal.getExtensionValue(Extension.authorityInfoAccess.getId()), "ISO-8859-1"))
                .contains("https://regard.lille.example/api/v1/pki/ca.crt");
        assertThat(CrlRevocationSource.distributionPoints(pki.chain(DemoPki.TSA_ALIAS)[0]))
                .containsExactly("https://regard.lille.example/api/v1/pki/crl");
        seal.verify(pki.caCertificate().getPublicKey());
    }

    @Test
    void theCrlIsSignedByTheCaRevokesNothingAndLastsThirtyDays() throws Exception {
        DemoPki pki = DemoPki.loadOrCreate(keys.resolve("demo-pki.p12"), "pw".toCharArray(), PUBLIC);

        X509CRL crl = pki.crl();

        crl.verify(pki.caCertificate().getPublicKey());
        assertThat(crl.getRevokedCertificates()).isNull();
        assertThat(crl.getNextUpdate().toInstant()).isBetween(Instant.now().plus(Duration.ofDays(29)),
                Instant.now().plus(Duration.ofDays(30)));
        assertThat(Files.readAllBytes(keys.resolve("demo-ca.crl"))).isEqualTo(crl.getEncoded());
        assertThat(DemoPki.loadOrCreate(keys.resolve("demo-pki.p12"), "pw".toCharArray(), PUBLIC).crl()).isEqualTo(crl);
    }

    @Test
    void aCrlNearItsNextUpdateIsReissuedAtStart() throws Exception {
        DemoPki pki = DemoPki.loadOrCreate(keys.resolve("demo-pki.p12"), "pw".toCharArray(), PUBLIC);
        Instant now = Instant.now();
        X509v2CRLBuilder builder = new JcaX509v2CRLBuilder(pki.caCertificate().getSubjectX500Principal(),
                Date.from(now.minus(Duration.ofDays(27))));
        builder.setNextUpdate(Date.from(now.plus(Duration.ofDays(3))));
        X509CRL old = new JcaX509CRLConverter().getCRL(
                builder.build(new JcaContentSignerBuilder("SHA256withECDSA").build(pki.privateKey(DemoPki.CA_ALIAS))));
        Files.write(keys.resolve("demo-ca.crl"), old.getEncoded());

        X509CRL fresh = DemoPki.loadOrCreate(keys.resolve("demo-pki.p12"), "pw".toCharArray(), PUBLIC).crl();

        assertThat(fresh).isNotEqualTo(old);
        assertThat(fresh.getNextUpdate().toInstant()).isAfter(now.plus(Duration.ofDays(29)));
        assertThat(Files.readAllBytes(keys.resolve("demo-ca.crl"))).isEqualTo(fresh.getEncoded());
    }

    @Test
    void aStoreFromBeforeTheSealGetsItsSealAndKeepsItsCaAndTsa() throws Exception {
        Path file = keys.resolve("demo-pki.p12");
        DemoPki original = DemoPki.loadOrCreate(file, "pw".toCharArray(), PUBLIC);
        X509Certificate ca = original.caCertificate();
        X509Certificate tsa = original.chain(DemoPki.TSA_ALIAS)[0];
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(file)) {
            store.load(in, "pw".toCharArray());
        }
        store.deleteEntry(DemoPki.SEAL_ALIAS);
        try (OutputStream out = Files.newOutputStream(file)) {
            store.store(out, "pw".toCharArray());
        }

        DemoPki upgraded = DemoPki.loadOrCreate(file, "pw".toCharArray(), PUBLIC);

        assertThat(upgraded.caCertificate()).isEqualTo(ca);
        assertThat(upgraded.chain(DemoPki.TSA_ALIAS)[0]).isEqualTo(tsa);
        assertThat(upgraded.chain(DemoPki.SEAL_ALIAS)[1]).isEqualTo(ca);
        assertThat(upgraded.chain(DemoPki.SEAL_ALIAS)[0].getSerialNumber()).isNotEqualTo(BigInteger.ZERO);
        assertThat(upgraded.privateKey(DemoPki.SEAL_ALIAS)).isNotNull();
    }
}
