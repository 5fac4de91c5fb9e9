package fr.regard.web.api;

import fr.regard.archive.application.FootageHolds;
import fr.regard.web.security.StaffRoles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import java.util.List;

/**
 * The holds of one case: listed for staff, and their cameras replaced ({@code PUT …/holds/cameras} with
 * {@code {cameras[], purpose}}) by an operator or the DPO once the place is matched to cameras.
 */
@Path("/requests/{reference}/holds")
@RequestScoped
public class CaseHoldsResource {

    @Inject
    FootageHolds holds;

    @Context
    SecurityContext security;

    @GET
    @Produces({MediaType.APPLICATION_JSON, Problems.MEDIA_TYPE})
    @RolesAllowed({StaffRoles.DPO, StaffRoles.OPERATOR, StaffRoles.ADMIN, StaffRoles.AUDITOR})
    public Response list(@PathParam("reference") String reference) {
        return HoldsResource.ok(HoldsResource.list(holds.ofCase(reference)));
    }

    @PUT
    @Path("/cameras")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces({MediaType.APPLICATION_JSON, Problems.MEDIA_TYPE})
    @RolesAllowed({StaffRoles.DPO, StaffRoles.OPERATOR, StaffRoles.ADMIN})
    public Response replaceCameras(@PathParam("reference") String reference, String body) {
        JsonInput json = JsonInput.parse(body);
        List<String> cameras = json.texts("cameras");
        String purpose = json.text("purpose");
        json.done();
        return HoldsResource.ok(HoldsResource.list(holds.replaceCameras(reference, cameras, purpose,
                security.getUserPrincipal().getName(), StaffRoles.roleOf(security))));
    }
}
