package fr.regard.web.api;

import fr.regard.cases.application.CaseQueries;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * The requester's view of their case, reached with the secret from the acknowledgement (no account). An unknown
 * or malformed token gets the same 404 as a wrong one: nothing tells which tokens exist.
 */
@Path("/tracking")
@RequestScoped
public class TrackingResource {

    @Inject
    CaseQueries queries;

    @GET
    @Path("/{token}")
    @Produces({MediaType.APPLICATION_JSON, Problems.MEDIA_TYPE})
    public Response track(@PathParam("token") String token) {
        CacheControl noStore = new CacheControl();
        noStore.setNoStore(true);
        noStore.setPrivate(true);
        return queries.byTrackingToken(token)
                .map(view -> Response.ok(Representations.tracking(view, null).toString(), MediaType.APPLICATION_JSON)
                        .cacheControl(noStore).header("Referrer-Policy", "no-referrer").build())
                .orElseGet(() -> Problems.of(404, "tracking-not-found", "Suivi introuvable",
                        "Ce lien de suivi n'est pas valide. Vérifiez l'adresse reçue avec votre accusé de réception."));
    }
}
