package fr.regard.web.api;

import fr.regard.cases.application.CaseDocuments;
import fr.regard.cases.application.CaseQueries;
import fr.regard.cases.application.RequesterActions;
import fr.regard.cases.application.TrackingView;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import fr.regard.cases.application.RequesterFootage;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * The requester's view of their case, reached with the secret from the acknowledgement (no account), and what they
 * may do there: send a complement, withdraw. An unknown or malformed token gets the same 404 as a wrong one: nothing
 * tells which tokens exist.
 */
@Path("/tracking")
@RequestScoped
public class TrackingResource {

    @Inject
    CaseQueries queries;

    @Inject
    RequesterActions actions;

    @Inject
    CaseDocuments documents;

    @Inject
    RequesterFootage requesterFootage;

    @GET
    @Path("/{token}")
    @Produces({MediaType.APPLICATION_JSON, Problems.MEDIA_TYPE})
    public Response track(@PathParam("token") String token) {
        return queries.byTrackingToken(token)
                .map(view -> privateResponse(Response.ok(Representations.tracking(view, null, token).toString(),
                        MediaType.APPLICATION_JSON)))
                .orElseGet(() -> Problems.of(404, "tracking-not-found", "Suivi introuvable",
                        "Ce lien de suivi n'est pas valide. Vérifiez l'adresse reçue avec votre accusé de réception."));
    }

    /** A requester-facing document of this case (the sealed PDF), its download journalled as the requester's. */
    @GET
    @Path("/{token}/documents/{id}")
    @Produces({"application/pdf", Problems.MEDIA_TYPE})
    public Response document(@PathParam("token") String token, @PathParam("id") String id) {
        return documents.downloadByRequester(token, DocumentResponses.id(id))
                .map(DocumentResponses::pdf)
                .orElseGet(DocumentResponses::notFound);
    }

    /**
     * A masked copy of the footage, while it is made available (GDPR art. 15(3)); the download is journalled and the
     * file's SHA-256 (as produced) is given in {@code Repr-Digest}. Anything else: the same 404.
     */
    @GET
    @Path("/{token}/footage/{id}")
    @Produces({"video/mp4", Problems.MEDIA_TYPE})
    public Response footage(@PathParam("token") String token, @PathParam("id") String id) {
        return requesterFootage.download(token, DocumentResponses.id(id))
                .map(d -> privateResponse(ExtractsResource.video(d)))
                .orElseGet(() -> Problems.of(404, "footage-not-available", "Copie non disponible",
                        "Cette copie n'est pas ou plus disponible : elle n'est téléchargeable que pendant la mise à "
                                + "disposition indiquée dans la réponse."));
    }

    /** The complement the DPO asked for: {@code {"content": "…"}}. */
    @POST
    @Path("/{token}/complement")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces({MediaType.APPLICATION_JSON, Problems.MEDIA_TYPE})
    public Response complement(@PathParam("token") String token, String body) {
        JsonInput json = JsonInput.parse(body);
        String content = json.text("content");
        json.done();
        RequesterActions.ComplementOutcome outcome = ConcurrentUpdates.retry(
                () -> actions.sendComplement(token, content));
        return privateResponse(Response.ok(Json.createObjectBuilder()
                .add("awaited", outcome.awaited())
                .add("message", outcome.message())
                .add("case", Representations.tracking(outcome.tracking(), null, token))
                .build().toString(), MediaType.APPLICATION_JSON));
    }

    /** Withdraws the request; refused (409) once the case is closed. */
    @POST
    @Path("/{token}/withdrawal")
    @Produces({MediaType.APPLICATION_JSON, Problems.MEDIA_TYPE})
    public Response withdraw(@PathParam("token") String token) {
        TrackingView view = ConcurrentUpdates.retry(() -> actions.withdraw(token));
        return privateResponse(Response.ok(Representations.tracking(view, null, token).toString(),
                MediaType.APPLICATION_JSON));
    }

    private static Response privateResponse(Response.ResponseBuilder builder) {
        CacheControl noStore = new CacheControl();
        noStore.setNoStore(true);
        noStore.setPrivate(true);
        return builder.cacheControl(noStore).header("Referrer-Policy", "no-referrer").build();
    }
}
