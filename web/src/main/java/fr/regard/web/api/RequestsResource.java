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
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import java.time.Instant;
import fr.regard.cases.application.CaseFacts;
import fr.regard.cases.application.CaseView;
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
    fr.regard.mail.intake.CaseMailQueries caseMails;

    @Inject
    IntakeService intake;

    @Inject
    CaseConsultation consultation;

    @Inject
    ExtensionRequests extensions;

    @Inject
    CaseDocuments caseDocuments;

    @Inject
    CaseFacts caseFacts;

    @Context
    SecurityContext security;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces({MediaType.APPLICATION_JSON, Problems.MEDIA_TYPE})
    public Response file(String body) {
        return filed(intake.receive(RequestPayload.parse(body, IntakeChannel.WEB)));
    }

    /**
     * A request received by post, registered by the DPO's office: the same body plus {@code receivedAt} (the avis de
     * réception: the legal receipt) and {@code registeredMailNumber}; the requester's {@code postalAddress} (lines) is
     * where letters go when they gave no e-mail. The answer carries the tracking secret, to print on the
     * acknowledgement sent by post.
     */
    @POST
    @Path("/letters")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces({MediaType.APPLICATION_JSON, Problems.MEDIA_TYPE})
    @RolesAllowed({StaffRoles.DPO, StaffRoles.OPERATOR})
    public Response registerLetter(String body) {
        return filed(intake.receive(RequestPayload.parse(body, IntakeChannel.LETTER)));
    }

    private static Response filed(ReceivedRequest received) {
        String reference = received.caseView().reference();
        return Response.created(URI.create("/api/v1/requests/" + reference))
                .type(MediaType.APPLICATION_JSON)
                .entity(Representations.tracking(received.caseView(), received.trackingToken()).toString())
                .build();
    }

    /**
     * The DPO states the facts of a request ({@code start}, {@code end}, {@code place}, optional {@code description}):
     * needed before qualifying a request read from an e-mail, possible until the qualification is done (409 after).
     */
    @PUT
    @Path("/{reference}/facts")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces({MediaType.APPLICATION_JSON, Problems.MEDIA_TYPE})
    @RolesAllowed(StaffRoles.DPO)
    public Response confirmFacts(@PathParam("reference") String reference, String body) {
        JsonInput json = JsonInput.parse(body);
        Instant start = json.instant("start");
        Instant end = json.instant("end");
        String place = json.text("place");
        String description = json.text("description");
        json.done();
        CaseView view = ConcurrentUpdates.retry(() -> caseFacts.confirm(reference, start, end, place, description,
                security.getUserPrincipal().getName(), StaffRoles.DPO));
        return Response.ok(Representations.staff(view).toString(), MediaType.APPLICATION_JSON).build();
    }

    @GET
    @Path("/{reference}")
    @Produces({MediaType.APPLICATION_JSON, Problems.MEDIA_TYPE})
    @RolesAllowed({"dpo", "operator", "auditor", "admin"})
    public Response staffView(@PathParam("reference") String reference) {
        return consultation.open(reference, security.getUserPrincipal().getName(), StaffRoles.roleOf(security))
                .map(view -> Response.ok(CaseMailRepresentations.withMails(Representations.staff(view),
                        caseMails, view.reference()).toString(), MediaType.APPLICATION_JSON).build())
                .orElseGet(() -> Problems.of(404, "case-not-found", "Dossier introuvable",
                        "Aucun dossier ne porte la référence " + safe(reference) + "."));
    }

    /** The original of a message attached to the case (.eml, byte for byte as received). */
    @GET
    @Path("/{reference}/mails/{mail}/original")
    @Produces({"message/rfc822", Problems.MEDIA_TYPE})
    @RolesAllowed({"dpo", "operator", "auditor", "admin"})
    public Response originalMail(@PathParam("reference") String reference, @PathParam("mail") long mail) {
        return caseMails.original(reference, mail, security.getUserPrincipal().getName(), StaffRoles.roleOf(security))
                .map(bytes -> Response.ok(bytes, "message/rfc822")
                        .header("Content-Disposition", "attachment; filename=\"" + safe(reference) + "-message-" + mail
                                + ".eml\"").build())
                .orElseGet(() -> Problems.of(404, "mail-not-found", "Message introuvable",
                        "Le dossier " + safe(reference) + " n'a pas de message n° " + mail + "."));
    }

    /**
     * An accepted attachment of a message attached to the case, by its SHA-256 (the {@code url} of the staff view's
     * attachment); served as a download with the type detected from its bytes, never rendered inline. Journalled.
     */
    @GET
    @Path("/{reference}/mails/{mail}/attachments/{sha256}")
    @RolesAllowed({"dpo", "operator", "auditor", "admin"})
    public Response mailAttachment(@PathParam("reference") String reference, @PathParam("mail") long mail,
                                   @PathParam("sha256") String sha256) {
        return caseMails.attachment(reference, mail, sha256, security.getUserPrincipal().getName(),
                        StaffRoles.roleOf(security))
                .map(a -> Response.ok(a.bytes(), a.contentType())
                        .header("Content-Disposition", ContentDisposition.attachment(a.fileName()))
                        .header("X-Content-Type-Options", "nosniff").build())
                .orElseGet(() -> Problems.of(404, "attachment-not-found", "Pièce jointe introuvable",
                        "Le message n° " + mail + " du dossier " + safe(reference) + " n'a pas de pièce jointe "
                                + "acceptée de cette empreinte."));
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
