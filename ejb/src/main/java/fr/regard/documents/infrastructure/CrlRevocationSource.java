package fr.regard.documents.infrastructure;

import fr.regard.documents.domain.RevocationSource;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.GeneralSecurityException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.x509.CRLDistPoint;
import org.bouncycastle.asn1.x509.DistributionPoint;
import org.bouncycastle.asn1.x509.DistributionPointName;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;

/**
 * CRLs for a seal's /DSS. The demo CA's CRL comes straight from the {@link DemoPki} (no HTTP call to ourselves);
 * any other certificate's CRL is fetched from the http(s) URLs of its CRL distribution points and kept until its
 * nextUpdate. A CRL that does not verify against the certificate's issuer is ignored. OCSP is not used: a
 * qualified CA publishes CRLs too.
 */
public final class CrlRevocationSource implements RevocationSource {

    private final X509Certificate localCa;
    private final Supplier<X509CRL> localCrl;
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
            .followRedirects(HttpClient.Redirect.NORMAL).build();
    private final Map<String, X509CRL> fetched = new ConcurrentHashMap<>();

    /** {@code localCa} may be null (no demo PKI): then every CRL is fetched. */
    public CrlRevocationSource(X509Certificate localCa, Supplier<X509CRL> localCrl) {
        this.localCa = localCa;
        this.localCrl = localCrl;
    }

    @Override
    public List<X509CRL> crlsFor(List<X509Certificate> certificates) {
        Map<String, X509CRL> crls = new LinkedHashMap<>();
        for (X509Certificate certificate : certificates) {
            if (certificate.getSubjectX500Principal().equals(certificate.getIssuerX500Principal())) {
                continue; // a trust anchor is not checked for revocation
            }
            Optional<X509Certificate> issuer = certificates.stream()
                    .filter(c -> c.getSubjectX500Principal().equals(certificate.getIssuerX500Principal())).findFirst();
            if (localCa != null && certificate.getIssuerX500Principal().equals(localCa.getSubjectX500Principal())) {
                X509CRL crl = localCrl.get();
                crls.putIfAbsent(key(crl), crl);
                continue;
            }
            for (String url : distributionPoints(certificate)) {
                X509CRL crl = fetch(url, issuer.orElse(null));
                if (crl != null) {
                    crls.putIfAbsent(key(crl), crl);
                    break;
                }
            }
        }
        return new ArrayList<>(crls.values());
    }

    private X509CRL fetch(String url, X509Certificate issuer) {
        X509CRL cached = fetched.get(url);
        if (cached != null && cached.getNextUpdate() != null && cached.getNextUpdate().toInstant().isAfter(Instant.now())) {
            return cached;
        }
        try {
            HttpResponse<byte[]> reply = client.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10)).GET().build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            if (reply.statusCode() != 200) {
                return cached;
            }
            X509CRL crl = (X509CRL) CertificateFactory.getInstance("X.509").generateCRL(new ByteArrayInputStream(reply.body()));
            if (issuer != null) {
                crl.verify(issuer.getPublicKey());
            }
            fetched.put(url, crl);
            return crl;
        } catch (IOException | GeneralSecurityException | IllegalArgumentException e) {
            return cached;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return cached;
        }
    }

    /** The http(s) URLs of the certificate's CRL distribution points. */
    static List<String> distributionPoints(X509Certificate certificate) {
        byte[] extension = certificate.getExtensionValue(Extension.cRLDistributionPoints.getId());
        List<String> urls = new ArrayList<>();
        if (extension == null) {
            return urls;
        }
        CRLDistPoint points = CRLDistPoint.getInstance(ASN1OctetString.getInstance(extension).getOctets());
        for (DistributionPoint point : points.getDistributionPoints()) {
            DistributionPointName name = point.getDistributionPoint();
            if (name == null || name.getType() != DistributionPointName.FULL_NAME) {
                continue;
            }
            for (GeneralName general : GeneralNames.getInstance(name.getName()).getNames()) {
                if (general.getTagNo() == GeneralName.uniformResourceIdentifier) {
                    String url = general.getName().toString();
                    if (url.startsWith("http://") || url.startsWith("https://")) {
                        urls.add(url);
                    }
                }
            }
        }
        return urls;
    }

    private static String key(X509CRL crl) {
        try {
            return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(crl.getEncoded()));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
