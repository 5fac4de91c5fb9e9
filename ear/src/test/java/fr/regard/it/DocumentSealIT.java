package fr.regard.it;

import static org.assertj.core.api.Assertions.assertThat;

import fr.regard.documents.format.DocumentVerifier;
import fr.regard.documents.format.VerificationReport;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.ByteArrayInputStream;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.cert.CertificateFactory;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The seal in the running server with the embedded default (demo PKI, in-process TSA): the public CA certificate
 * and CRL, a document sealed by the injected sealer and checked by the client-side verifier against the published
 * CA, and the server's verification service.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class DocumentSealIT {

    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @Deployment(testable = false)
    static EnterpriseArchive regard() {
        return RegardDeployment.withProbe();
    }

    @Test
    void thePublicCaAndItsCrlAreServedWithoutLogin() throws Exception {
        HttpResponse<byte[]> ca = get("/api/v1/pki/ca.crt");
        HttpResponse<byte[]> crl = get("/api/v1/pki/crl");

        assertThat(ca.statusCode()).isEqualTo(200);
        assertThat(ca.headers().firstValue("Content-Type")).hasValue("application/pkix-cert");
        X509Certificate certificate = certificate(ca.body());
        assertThat(certificate.getBasicConstraints()).isGreaterThanOrEqualTo(0);
        assertThat(certificate.getSubjectX500Principal().getName()).contains("AC de démonstration");
        assertThat(crl.statusCode()).isEqualTo(200);
        X509CRL list = (X509CRL) CertificateFactory.getInstance("X.509").generateCRL(new ByteArrayInputStream(crl.body()));
        list.verify(certificate.getPublicKey());
        assertThat(list.getNextUpdate().toInstant()).isAfter(Instant.now().plus(Duration.ofDays(7)));
    }

    @Test
    void aDocumentSealedByTheServerVerifiesAgainstThePublishedCa() throws Exception {
        X509Certificate ca = certificate(get("/api/v1/pki/ca.crt").body());
        HttpResponse<byte[]> sealed = CLIENT.send(HttpRequest.newBuilder(URI.create(Http.BASE + "/" + RegardDeployment.PROBE
                + "/documents/seal")).POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofByteArray());

        assertThat(sealed.statusCode()).isEqualTo(200);
        assertThat(sealed.headers().firstValue("X-Seal-Level")).hasValue("B_LTA");
        VerificationReport report = new DocumentVerifier(List.of(ca)).verify(sealed.body());
        assertThat(report.problems()).isEmpty();
        assertThat(report.valid()).isTrue();
        assertThat(report.signer()).isEqualTo("CN=Ville de Lille — cachet Regard (démonstration),O=Ville de Lille (démonstration),C=FR");
        assertThat(report.certificateSha256()).isEqualTo(sealed.headers().firstValue("X-Seal-Certificate").orElseThrow());
        assertThat(report.signedAt()).isBetween(Instant.now().minusSeconds(120), Instant.now().plusSeconds(5));

        JsonObject server = verify(sealed.body());
        assertThat(server.getBoolean("valid")).isTrue();
        assertThat(server.getString("level")).isEqualTo("B_LTA");

        byte[] forged = sealed.body().clone();
        forged[forged.length / 3] ^= 0x20;
        JsonObject rejected = verify(forged);
        assertThat(rejected.getBoolean("valid")).isFalse();
        assertThat(rejected.getBoolean("intact")).isFalse();
    }

    private static JsonObject verify(byte[] pdf) throws Exception {
        HttpResponse<String> reply = CLIENT.send(HttpRequest.newBuilder(URI.create(Http.BASE + "/" + RegardDeployment.PROBE
                        + "/documents/verify")).header("Content-Type", "application/pdf")
                .POST(HttpRequest.BodyPublishers.ofByteArray(pdf)).build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        assertThat(reply.statusCode()).as(reply.body()).isEqualTo(200);
        return Json.createReader(new StringReader(reply.body())).readObject();
    }

    private static HttpResponse<byte[]> get(String path) throws Exception {
        return CLIENT.send(HttpRequest.newBuilder(URI.create(Http.BASE + path)).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    private static X509Certificate certificate(byte[] der) throws Exception {
        return (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(new ByteArrayInputStream(der));
    }
}
