package fr.regard.web.api;

import fr.regard.cases.application.CaseQueries;
import fr.regard.web.security.StaffRoles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** The catalogue of refusal grounds (code, legal basis, regime, letter text) the DPO chooses from. */
@Path("/refusal-grounds")
@RequestScoped
public class RefusalGroundsResource {

    @Inject
    CaseQueries queries;

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({StaffRoles.DPO, StaffRoles.OPERATOR, StaffRoles.AUDITOR, StaffRoles.ADMIN})
    public Response catalogue() {
        return Response.ok(Json.createObjectBuilder()
                .add("grounds", Representations.grounds(queries.refusalGrounds()))
                .build().toString(), MediaType.APPLICATION_JSON).build();
    }
}
