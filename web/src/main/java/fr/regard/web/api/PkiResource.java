package fr.regard.web.api;

import fr.regard.documents.application.PkiPublication;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.Response;
import java.util.Optional;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * Public pointers of the demo PKI's certificates (no login): the CA certificate ({@code ca.crt}, the certificates'
 * AIA) and its CRL ({@code crl}, their CRL distribution point), so that any validator can check a seal online too.
 */
@Path("/pki")
@RequestScoped
public class PkiResource {

    @Inject
    PkiPublication pki;

    @GET
    @Path("ca.crt")
    @Produces("application/pkix-cert")
    @Operation(summary = "Certificat de l'autorité de certification de démonstration (DER)")
    public Response caCertificate() {
        return publish(pki.caCertificate(), "application/pkix-cert", 86_400);
    }

    @GET
    @Path("crl")
    @Produces("application/pkix-crl")
    @Operation(summary = "Liste de révocation en vigueur de l'autorité de démonstration (DER)")
    public Response crl() {
        return publish(pki.crl(), "application/pkix-crl", 3_600);
    }

    private static Response publish(Optional<byte[]> body, String type, int maxAge) {
        if (body.isEmpty()) {
            return Problems.of(404, "no-demo-pki", "Aucune autorité de démonstration",
                    "Ce serveur utilise l'autorité de certification et l'horodatage configurés, qui publient leurs propres certificats et listes de révocation.");
        }
        CacheControl cache = new CacheControl();
        cache.setMaxAge(maxAge);
        return Response.ok(body.get(), type).cacheControl(cache).build();
    }
}
