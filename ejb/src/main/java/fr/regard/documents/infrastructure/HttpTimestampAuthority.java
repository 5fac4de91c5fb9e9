package fr.regard.documents.infrastructure;

import fr.regard.documents.domain.TimestampAuthority;
import java.io.IOException;
import java.math.BigInteger;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.List;
import org.bouncycastle.tsp.TSPAlgorithms;
import org.bouncycastle.tsp.TSPException;
import org.bouncycastle.tsp.TimeStampRequest;
import org.bouncycastle.tsp.TimeStampRequestGenerator;
import org.bouncycastle.tsp.TimeStampResponse;

/**
 * A remote RFC 3161 authority over HTTP ({@code application/timestamp-query}), e.g. a qualified TSA. The response
 * is checked against the request (imprint, nonce, status) before its token is used.
 */
public final class HttpTimestampAuthority implements TimestampAuthority {

    private final URI url;
    private final List<X509Certificate> chain;
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    public HttpTimestampAuthority(URI url, List<X509Certificate> chain) {
        this.url = url;
        this.chain = List.copyOf(chain);
    }

    @Override
    public byte[] timestamp(byte[] data) {
        try {
            TimeStampRequestGenerator generator = new TimeStampRequestGenerator();
            generator.setCertReq(true);
            TimeStampRequest request = generator.generate(TSPAlgorithms.SHA256,
                    MessageDigest.getInstance("SHA-256").digest(data), BigInteger.valueOf(new SecureRandom().nextLong()));
            HttpResponse<byte[]> reply = client.send(HttpRequest.newBuilder(url)
                            .timeout(Duration.ofSeconds(10))
                            .header("Content-Type", "application/timestamp-query")
                            .POST(HttpRequest.BodyPublishers.ofByteArray(request.getEncoded())).build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            if (reply.statusCode() != 200) {
                throw new IllegalStateException("The time-stamping authority " + url + " answered HTTP " + reply.statusCode());
            }
            TimeStampResponse response = new TimeStampResponse(reply.body());
            response.validate(request);
            if (response.getTimeStampToken() == null) {
                throw new IllegalStateException("The time-stamping authority " + url + " refused: " + response.getStatusString());
            }
            return response.getTimeStampToken().getEncoded();
        } catch (IOException | TSPException | NoSuchAlgorithmException e) {
            throw new IllegalStateException("Time-stamping at " + url + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while time-stamping at " + url, e);
        }
    }

    @Override
    public List<X509Certificate> certificateChain() {
        return chain;
    }
}
