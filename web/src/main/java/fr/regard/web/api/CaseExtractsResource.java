package fr.regard.web.api;

import fr.regard.archive.application.ExtractionService;
import fr.regard.archive.domain.ExtractOrder;
import fr.regard.web.security.StaffRoles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
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
import java.util.ArrayList;
import java.util.List;

/**
 * The extracts of one case: listed for staff, and asked for by an operator or the DPO ({@code POST} with
 * {@code {cameras[], from, to, masks[{x, y, width, height, from, to}], purposeCategory, purpose}}; 202 with the queued
 * extracts, one per camera; progress at {@code /api/v1/extracts/{id}}).
 */
@Path("/requests/{reference}/extracts")
@RequestScoped
public class CaseExtractsResource {

    @Inject
    ExtractionService extraction;

    @Context
    SecurityContext security;

    @GET
    @Produces({MediaType.APPLICATION_JSON, Problems.MEDIA_TYPE})
    @RolesAllowed({StaffRoles.DPO, StaffRoles.OPERATOR, StaffRoles.AUDITOR, StaffRoles.ADMIN})
    public Response list(@PathParam("reference") String reference) {
        return ok(200, extraction.ofCase(reference));
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces({MediaType.APPLICATION_JSON, Problems.MEDIA_TYPE})
    @RolesAllowed({StaffRoles.DPO, StaffRoles.OPERATOR})
    public Response request(@PathParam("reference") String reference, String body) {
        JsonInput json = JsonInput.parse(body);
        List<String> cameras = json.texts("cameras");
        var from = json.instant("from");
        var to = json.instant("to");
        List<ExtractOrder.Mask> masks = new ArrayList<>();
        for (JsonInput m : json.objects("masks")) {
            masks.add(new ExtractOrder.Mask(m.number("x"), m.number("y"), m.number("width"), m.number("height"),
                    m.instant("from"), m.instant("to")));
        }
        String category = json.text("purposeCategory");
        String purpose = json.text("purpose");
        json.done();
        List<JsonObject> queued = ConcurrentUpdates.retry(() -> extraction.request(reference,
                new ExtractOrder(cameras, from, to, masks, category, purpose), security.getUserPrincipal().getName(),
                StaffRoles.roleOf(security)));
        return ok(202, queued);
    }

    private static Response ok(int status, List<JsonObject> extracts) {
        JsonArrayBuilder array = Json.createArrayBuilder();
        extracts.forEach(array::add);
        return Response.status(status).type(MediaType.APPLICATION_JSON).entity(array.build().toString()).build();
    }
}
