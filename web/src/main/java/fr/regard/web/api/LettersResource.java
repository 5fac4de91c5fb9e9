package fr.regard.web.api;

import fr.regard.cases.application.CaseDocuments;
import fr.regard.cases.application.LetterView;
import fr.regard.correspondence.domain.Letter;
import fr.regard.correspondence.infrastructure.LetterDeliveries;
import fr.regard.web.security.StaffRoles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObjectBuilder;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;

/**
 * The postal channel of letters (docs/mail.md "Letters by e-mail and by post"), for the DPO and operators: the sealed
 * PDF to print ({@code GET /letters/{id}/printable}, journalled), the posting by registered mail
 * ({@code POST /letters/{id}/postal}) and its delivery or return ({@code POST /letters/{id}/postal/delivery}).
 */
@Path("/letters")
@RequestScoped
public class LettersResource {

    @Inject
    LetterDeliveries deliveries;

    @Context
    SecurityContext security;

    @GET
    @Path("/{id}/printable")
    @Produces({"application/pdf", Problems.MEDIA_TYPE})
    @RolesAllowed({StaffRoles.DPO, StaffRoles.OPERATOR})
    public Response printable(@PathParam("id") String id) {
        LetterDeliveries.Printable printable = deliveries.printable(letterId(id), staff(), StaffRoles.roleOf(security));
        return DocumentResponses.pdf(new CaseDocuments.Download(printable.document(), printable.content()));
    }

    /** {@code {"registeredMailNumber": "1A 123 456 7890 1", "postedOn": "2026-03-14"}}. */
    @POST
    @Path("/{id}/postal")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces({MediaType.APPLICATION_JSON, Problems.MEDIA_TYPE})
    @RolesAllowed({StaffRoles.DPO, StaffRoles.OPERATOR})
    public Response posted(@PathParam("id") String id, String body) {
        long letterId = letterId(id);
        JsonInput json = JsonInput.parse(body);
        String number = json.text("registeredMailNumber");
        String postedOn = json.text("postedOn");
        json.done();
        return ok(deliveries.posted(letterId, number, postedOn, staff(), StaffRoles.roleOf(security)));
    }

    /** {@code {"deliveredOn": "2026-03-16"}} or {@code {"returned": "NPAI", "returnedOn": "2026-03-20"}}. */
    @POST
    @Path("/{id}/postal/delivery")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces({MediaType.APPLICATION_JSON, Problems.MEDIA_TYPE})
    @RolesAllowed({StaffRoles.DPO, StaffRoles.OPERATOR})
    public Response delivered(@PathParam("id") String id, String body) {
        long letterId = letterId(id);
        JsonInput json = JsonInput.parse(body);
        String deliveredOn = json.text("deliveredOn");
        String returned = json.text("returned");
        String returnedOn = json.text("returnedOn");
        json.done();
        return ok(deliveries.postalOutcome(letterId, deliveredOn, returned, returnedOn, staff(),
                StaffRoles.roleOf(security)));
    }

    private static Response ok(Letter letter) {
        LetterView view = LetterView.of(letter);
        JsonObjectBuilder json = Json.createObjectBuilder().add("id", view.id()).add("caseReference",
                        letter.caseReference()).add("type", view.type()).add("title", view.title())
                .add("delivery", view.delivery()).add("deliveryLabel", view.deliveryLabel());
        Representations.put(json, "registeredMailNumber", view.registeredMailNumber());
        Representations.put(json, "postedOn", view.postedOn() == null ? null : view.postedOn().toString());
        Representations.put(json, "deliveredOn", view.deliveredOn() == null ? null : view.deliveredOn().toString());
        Representations.put(json, "deliveryNote", view.deliveryNote());
        return Response.ok(json.build().toString(), MediaType.APPLICATION_JSON).build();
    }

    /** A letter id from the path; anything else is the same 404 as an unknown letter. */
    private static long letterId(String text) {
        long id = DocumentResponses.id(text);
        if (id < 0) {
            throw new fr.regard.cases.application.ActionRefusedException(
                    fr.regard.cases.application.ActionRefusedException.Reason.NOT_FOUND, "letter-not-found",
                    "Aucun courrier ne porte le numéro " + text + ".");
        }
        return id;
    }

    private String staff() {
        return security.getUserPrincipal().getName();
    }
}
