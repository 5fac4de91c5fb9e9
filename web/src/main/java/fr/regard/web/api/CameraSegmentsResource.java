package fr.regard.web.api;

import fr.regard.archive.application.SegmentQueries;
import fr.regard.archive.domain.CameraIds;
import fr.regard.archive.domain.IndexedSegment;
import fr.regard.cases.domain.RuleViolation;
import fr.regard.web.security.StaffRoles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/**
 * The indexed segments of one camera overlapping a window {@code [from, to)} (half-open: a segment ending exactly at
 * {@code from} or starting exactly at {@code to} is outside), ordered by start, with the SHA-256 taken at ingest and
 * whether the purge destroyed them. At most one day per query and {@value SegmentQueries#MAX_SEGMENTS} segments
 * ({@code truncated: true} beyond).
 */
@Path("/cameras/{id}/segments")
@RequestScoped
public class CameraSegmentsResource {

    private static final String INSTANT_EXPECTED = "Date et heure ISO-8601 avec fuseau attendues, par exemple "
            + "2026-11-20T13:30:00Z ou 2026-11-20T14:30:00%2B01:00 dans une adresse.";

    @Inject
    SegmentQueries queries;

    @GET
    @Produces({MediaType.APPLICATION_JSON, Problems.MEDIA_TYPE})
    @RolesAllowed({StaffRoles.DPO, StaffRoles.OPERATOR, StaffRoles.AUDITOR, StaffRoles.ADMIN})
    public Response segments(@PathParam("id") String cameraId, @QueryParam("from") String fromText,
                             @QueryParam("to") String toText) {
        if (!CameraIds.isSafe(cameraId) || !queries.cameraExists(cameraId)) {
            return Problems.of(404, "unknown-camera", "Caméra inconnue",
                    "Aucune caméra du registre ne porte cet identifiant.");
        }
        List<RuleViolation> violations = new ArrayList<>();
        Instant from = instant("from", fromText, violations);
        Instant to = instant("to", toText, violations);
        if (from != null && to != null) {
            if (to.isBefore(from)) {
                violations.add(new RuleViolation("to", "La fin de la fenêtre précède son début."));
            } else if (Duration.between(from, to).compareTo(SegmentQueries.MAX_WINDOW) > 0) {
                violations.add(new RuleViolation("to", "La fenêtre dépasse 24 heures : interrogez-la jour par jour."));
            }
        }
        if (!violations.isEmpty()) {
            return Problems.invalidInput(violations);
        }
        SegmentQueries.Found found = queries.overlapping(List.of(cameraId), from, to);
        JsonArrayBuilder items = Json.createArrayBuilder();
        found.segments().forEach(s -> items.add(json(s)));
        return Response.ok(Json.createObjectBuilder()
                .add("camera", cameraId)
                .add("from", from.toString())
                .add("to", to.toString())
                .add("count", found.segments().size())
                .add("truncated", found.truncated())
                .add("segments", items)
                .build().toString(), MediaType.APPLICATION_JSON).build();
    }

    private static JsonObjectBuilder json(IndexedSegment s) {
        JsonObjectBuilder item = Json.createObjectBuilder()
                .add("id", s.id())
                .add("start", s.start().toString())
                .add("end", s.end().toString())
                .add("sizeBytes", s.size())
                .add("sha256", s.sha256())
                .add("state", s.state().name())
                .add("indexedAt", s.indexedAt().toString());
        if (s.destroyedAt() != null) {
            item.add("destroyedAt", s.destroyedAt().toString());
        }
        return item;
    }

    private static Instant instant(String field, String value, List<RuleViolation> violations) {
        if (value == null || value.isBlank()) {
            violations.add(new RuleViolation(field, "Obligatoire. " + INSTANT_EXPECTED));
            return null;
        }
        String text = value.strip();
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException e) {
            try {
                // an unencoded "+01:00" in a query string arrives as " 01:00"
                return OffsetDateTime.parse(value.replace(' ', '+')).toInstant();
            } catch (DateTimeParseException again) {
                violations.add(new RuleViolation(field, INSTANT_EXPECTED));
                return null;
            }
        }
    }
}
