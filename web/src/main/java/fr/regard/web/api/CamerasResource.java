package fr.regard.web.api;

import fr.regard.archive.application.CameraRegistry;
import fr.regard.archive.application.CameraView;
import fr.regard.web.security.StaffRoles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;

/**
 * The camera registry for staff: where each camera stands, its zone, the prefectoral authorisation it runs under,
 * its retention and how many private spaces it blurs. {@code ?zone=Wazemmes} keeps one zone (ignoring case); an
 * unknown zone gives an empty list.
 */
@Path("/cameras")
@RequestScoped
public class CamerasResource {

    @Inject
    CameraRegistry registry;

    @GET
    @Produces({MediaType.APPLICATION_JSON, Problems.MEDIA_TYPE})
    @RolesAllowed({StaffRoles.DPO, StaffRoles.OPERATOR, StaffRoles.AUDITOR, StaffRoles.ADMIN})
    public Response list(@QueryParam("zone") String zone) {
        if (zone != null && zone.length() > 60) {
            return Problems.of(400, "invalid-input", "Saisie invalide", "Le nom de zone dépasse 60 caractères.");
        }
        List<CameraView> cameras = registry.list(zone);
        JsonArrayBuilder items = Json.createArrayBuilder();
        cameras.forEach(c -> items.add(json(c)));
        return Response.ok(Json.createObjectBuilder()
                .add("count", cameras.size())
                .add("cameras", items)
                .build().toString(), MediaType.APPLICATION_JSON).build();
    }

    private static JsonObject json(CameraView c) {
        return Json.createObjectBuilder()
                .add("id", c.id())
                .add("name", c.name())
                .add("place", Json.createObjectBuilder()
                        .add("address", c.address())
                        .add("latitude", c.latitude())
                        .add("longitude", c.longitude()))
                .add("zone", c.zone())
                .add("authorisation", Json.createObjectBuilder()
                        .add("reference", c.authorisationReference())
                        .add("expiry", c.authorisationExpiry().toString())
                        .add("valid", c.authorised()))
                .add("retentionDays", c.retentionDays())
                .add("masks", c.masks())
                .build();
    }
}
