package fr.regard.web.api;

import fr.regard.cases.application.CaseConsultation;
import fr.regard.cases.application.CaseDocuments;
import fr.regard.cases.application.ExtensionRequests;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import fr.regard.web.security.StaffRoles;
import fr.regard.cases.domain.IntakeChannel;
import fr.regard.intake.application.IntakeService;
import fr.regard.intake.application.ReceivedRequest;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.core.Response;
import java.net.URI;

/**
 * Access and verify-destruction requests. Filing is open to anyone (the citizen's form posts here); reading a
 * case is for staff.
 */
@Path("/requests")
@RequestScoped
public class RequestsResource {

    @Inject
    IntakeService intake;

    @Inject
    CaseConsultation consultation;

    @Inject
    ExtensionRequests extensions;

    @Inject
    CaseDocuments caseDocuments;

    @Context
    SecurityContext security;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces({MediaType.APPLICATION_JSON, Problems.MEDIA_TYPE})
    public Response file(String body) {
        ReceivedRequest received = intake.receive(RequestPayload.parse(body, IntakeChannel.WEB));
        String reference = received.caseView().reference();
        return Response.created(URI.create("/api/v1/requests/" + reference))
                .type(MediaType.APPLICATION_JSON)
                .entity(Representations.tracking(received.caseView(), received.trackingToken()).toString())
                .build();
    }

    @GET
    @Path("/{reference}")
    @Produces({MediaType.APPLICATION_JSON, Problems.MEDIA_TYPE})
    @RolesAllowed({"dpo", "operator", "auditor", "admin"})
    public Response staffView(@PathParam("reference") String reference) {
        return consultation.open(reference, security.getUserPrincipal().getName(), StaffRoles.roleOf(security))
                .map(view -> Response.ok(Representations.staff(view).toString(), MediaType.APPLICATION_JSON).build())
                .orElseGet(() -> Problems.of(404, "case-not-found", "Dossier introuvable",
                        "Aucun dossier ne porte la référence " + safe(reference) + "."));
    }

    /** The documents issued on a case (all of them: staff view), with their staff download URLs. */
    @GET
    @Path("/{reference}/documents")
    @Produces({MediaType.APPLICATION_JSON, Problems.MEDIA_TYPE})
    @RolesAllowed({"dpo", "operator", "auditor", "admin"})
    public Response documents(@PathParam("reference") String reference) {
        return caseDocuments.ofCase(reference)
                .map(list -> Response.ok(Json.createObjectBuilder().add("reference", reference)
                        .add("documents", DocumentResponses.list(list, id -> "/api/v1/documents/" + id, true))
                        .build().toString(), MediaType.APPLICATION_JSON).build())
                .orElseGet(() -> Problems.of(404, "case-not-found", "Dossier introuvable",
                        "Aucun dossier ne porte la référence " + safe(reference) + "."));
    }

    /**
     * The DPO extends the answer period by two months, with reasons (GDPR art. 12(3)): 200 with the new due date, or
     * 409 when it is no longer possible (first period over, already extended, decision taken); nothing changes then.
     */
    @POST
    @Path("/{reference}/extension")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces({MediaType.APPLICATION_JSON, Problems.MEDIA_TYPE})
    @RolesAllowed(StaffRoles.DPO)
    public Response extend(@PathParam("reference") String reference, String body) {
        JsonInput json = JsonInput.parse(body);
        String reasons = json.text("reasons");
        json.done();
        String user = security.getUserPrincipal().getName();
        ExtensionRequests.Outcome outcome = ConcurrentUpdates.retry(
                () -> extensions.request(reference, reasons, user, StaffRoles.DPO));
        if (!outcome.granted()) {
            JsonObject problem = Json.createObjectBuilder()
                    .add("type", "https://regard.example/problems/extension-too-late")
                    .add("title", "Prolongation refusée")
                    .add("status", 409)
                    .add("detail", outcome.message())
                    .add("reference", outcome.reference())
                    .add("responseDue", Representations.time(outcome.responseDue()))
                    .build();
            return Response.status(409).type(Problems.MEDIA_TYPE).entity(problem.toString()).build();
        }
        return Response.ok(Json.createObjectBuilder()
                .add("reference", outcome.reference())
                .add("responseDue", Representations.time(outcome.responseDue()))
                .add("message", outcome.message())
                .build().toString(), MediaType.APPLICATION_JSON).build();
    }

    private static String safe(String reference) {
        return reference.length() > 40 ? reference.substring(0, 40) + "…" : reference;
    }
}
