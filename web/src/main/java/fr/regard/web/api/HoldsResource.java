package fr.regard.web.api;

import fr.regard.archive.application.FootageHolds;
import fr.regard.archive.application.HoldView;
import fr.regard.archive.application.JudicialHoldRequest;
import fr.regard.archive.domain.HoldFilter;
import fr.regard.cases.application.InvalidCommandException;
import fr.regard.cases.domain.RuleViolation;
import fr.regard.web.security.StaffRoles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Holds on recorded footage (docs/archive.md "Holds"): listed for staff ({@code ?active=true|false&case=&camera=
 * &flagged=true|false}, flagged = "à réexaminer"), judicial holds placed by the DPO or an administrator on a
 * requisition, and released by them with a reason (a case hold only once its case is closed or withdrawn).
 */
@Path("/holds")
@RequestScoped
public class HoldsResource {

    private static final int MAX_FILTER = 40;

    @Inject
    FootageHolds holds;

    @Context
    SecurityContext security;

    @GET
    @Produces({MediaType.APPLICATION_JSON, Problems.MEDIA_TYPE})
    @RolesAllowed({StaffRoles.DPO, StaffRoles.OPERATOR, StaffRoles.ADMIN, StaffRoles.AUDITOR})
    public Response list(@QueryParam("active") String active, @QueryParam("case") String caseReference,
                         @QueryParam("camera") String camera, @QueryParam("flagged") String flagged) {
        List<RuleViolation> violations = new ArrayList<>();
        Boolean activeOnly = bool("active", active, violations);
        Boolean flaggedOnly = bool("flagged", flagged, violations);
        String reference = text("case", caseReference, violations);
        String cameraId = text("camera", camera, violations);
        if (!violations.isEmpty()) {
            throw new InvalidCommandException(violations);
        }
        Instant now = Instant.now();
        List<HoldView> found = holds.list(new HoldFilter(activeOnly, reference, cameraId,
                        Boolean.TRUE.equals(flaggedOnly) ? now : null)).stream()
                .filter(h -> flaggedOnly == null || h.flagged() == flaggedOnly).toList();
        return ok(list(found));
    }

    @GET
    @Path("/{id}")
    @Produces({MediaType.APPLICATION_JSON, Problems.MEDIA_TYPE})
    @RolesAllowed({StaffRoles.DPO, StaffRoles.OPERATOR, StaffRoles.ADMIN, StaffRoles.AUDITOR})
    public Response one(@PathParam("id") String id) {
        return ok(json(holds.view(id(id))));
    }

    /** A judicial hold: {@code {requisition, cameras[], start, end, reason, case?}}; 201 with the hold. */
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces({MediaType.APPLICATION_JSON, Problems.MEDIA_TYPE})
    @RolesAllowed({StaffRoles.DPO, StaffRoles.ADMIN})
    public Response placeJudicial(String body) {
        JsonInput json = JsonInput.parse(body);
        JudicialHoldRequest request = new JudicialHoldRequest(json.text("requisition"), json.texts("cameras"),
                json.instant("start"), json.instant("end"), json.text("reason"), json.text("case"));
        json.done();
        HoldView placed = holds.placeJudicial(request, user(), role());
        return Response.created(URI.create("/api/v1/holds/" + placed.id())).type(MediaType.APPLICATION_JSON)
                .entity(json(placed).toString()).build();
    }

    /** Releases a hold with a reason ({@code {reason}}); 409 for a case hold while its case is open. */
    @POST
    @Path("/{id}/release")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces({MediaType.APPLICATION_JSON, Problems.MEDIA_TYPE})
    @RolesAllowed({StaffRoles.DPO, StaffRoles.ADMIN})
    public Response release(@PathParam("id") String id, String body) {
        JsonInput json = JsonInput.parse(body);
        String reason = json.text("reason");
        json.done();
        long placement = id(id);
        return ok(json(holds.release(placement, reason, user(), role())));
    }

    static JsonObject list(List<HoldView> views) {
        JsonArrayBuilder items = Json.createArrayBuilder();
        views.forEach(h -> items.add(json(h)));
        return Json.createObjectBuilder().add("count", views.size()).add("holds", items).build();
    }

    static JsonObject json(HoldView h) {
        JsonArrayBuilder cameras = Json.createArrayBuilder();
        h.cameras().forEach(cameras::add);
        JsonObjectBuilder json = Json.createObjectBuilder()
                .add("id", h.id())
                .add("kind", h.kind().name())
                .add("kindLabel", h.kindLabel());
        Representations.put(json, "case", h.caseReference());
        Representations.put(json, "requisition", h.requisitionReference());
        json.add("cameraCount", h.cameras().size())
                .add("cameras", cameras)
                .add("windowStart", Representations.time(h.windowStart()))
                .add("windowEnd", Representations.time(h.windowEnd()))
                .add("reason", h.reason())
                .add("placedAt", Representations.time(h.placedAt()))
                .add("placedBy", h.placedBy())
                .add("limitAt", Representations.time(h.limitAt()))
                .add("active", h.active())
                .add("flagged", h.flagged());
        Representations.put(json, "flagNote", h.flagNote());
        Representations.put(json, "flaggedAt", h.flaggedAt());
        Representations.put(json, "releasedAt", h.releasedAt());
        Representations.put(json, "releasedBy", h.releasedBy());
        Representations.put(json, "releaseReason", h.releaseReason());
        return json.build();
    }

    static Response ok(JsonObject body) {
        return Response.ok(body.toString(), MediaType.APPLICATION_JSON).build();
    }

    private static long id(String id) {
        try {
            return Long.parseLong(id);
        } catch (NumberFormatException e) {
            throw new fr.regard.cases.application.ActionRefusedException(
                    fr.regard.cases.application.ActionRefusedException.Reason.NOT_FOUND, "hold-not-found",
                    "Aucun gel ne porte ce numéro.");
        }
    }

    private static Boolean bool(String name, String value, List<RuleViolation> violations) {
        if (value == null || value.isBlank()) {
            return null;
        }
        return switch (value.strip()) {
            case "true" -> Boolean.TRUE;
            case "false" -> Boolean.FALSE;
            default -> {
                violations.add(new RuleViolation(name, "true ou false est attendu."));
                yield null;
            }
        };
    }

    private static String text(String name, String value, List<RuleViolation> violations) {
        if (value == null || value.isBlank()) {
            return null;
        }
        if (value.strip().length() > MAX_FILTER) {
            violations.add(new RuleViolation(name, "Au plus " + MAX_FILTER + " caractères."));
            return null;
        }
        return value.strip();
    }

    private String user() {
        return security.getUserPrincipal().getName();
    }

    private String role() {
        return StaffRoles.roleOf(security);
    }
}
