package fr.regard.web.api;

import fr.regard.archive.application.FootagePurges;
import fr.regard.archive.application.PurgeAlreadyRunningException;
import fr.regard.archive.application.PurgeBatchView;
import fr.regard.archive.application.PurgeQueries;
import fr.regard.archive.domain.PurgeTrigger;
import fr.regard.web.security.StaffRoles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.stream.JsonGenerator;
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
import jakarta.ws.rs.core.StreamingOutput;
import java.net.URI;
import java.time.Instant;
import java.util.Optional;

/**
 * The purge of expired footage (docs/archive.md "Purge"): its batches for the DPO, administrators and auditors, the
 * JSON manifest of a closed batch (the data of the daily attestation de destruction: counts, windows per camera,
 * every destroyed segment and the Merkle root an auditor recomputes from them), and "run now" for administrators.
 */
@Path("/purges")
@RequestScoped
public class PurgesResource {

    static final String MANIFEST_FORMAT = "regard-purge-manifest/1";
    static final String LEAF = "SHA-256(0x00 || UTF-8(cameraId + \"\\n\" + start + \"\\n\" + end + \"\\n\" + sizeBytes "
            + "+ \"\\n\" + sha256)), the strings exactly as in this manifest";

    @Inject
    PurgeQueries queries;

    @Inject
    FootagePurges purges;

    @Context
    SecurityContext security;

    /** The newest batches (at most {@code limit}, 30 by default) and the purge's open incidents. */
    @GET
    @Produces({MediaType.APPLICATION_JSON, Problems.MEDIA_TYPE})
    @RolesAllowed({StaffRoles.DPO, StaffRoles.ADMIN, StaffRoles.AUDITOR})
    public Response list(@QueryParam("limit") Integer limit) {
        int max = limit == null ? 30 : limit;
        if (max < 1 || max > 366) {
            return Problems.of(400, "invalid-input", "Saisie invalide", "La limite va de 1 à 366 lots.");
        }
        JsonArrayBuilder batches = Json.createArrayBuilder();
        queries.recent(max).forEach(b -> batches.add(summary(b)));
        JsonArrayBuilder incidents = Json.createArrayBuilder();
        queries.openIncidents().forEach(i -> {
            JsonObjectBuilder incident = Json.createObjectBuilder().add("id", i.id())
                    .add("processInstanceId", i.processInstanceId()).add("activity", i.activityId())
                    .add("at", i.at().toString()).add("message", i.message() == null ? "" : i.message());
            if (i.batchId() != null) {
                incident.add("batchId", i.batchId());
            }
            incidents.add(incident);
        });
        return Response.ok(Json.createObjectBuilder().add("batches", batches).add("incidents", incidents).build()
                .toString(), MediaType.APPLICATION_JSON).build();
    }

    @GET
    @Path("/{id}")
    @Produces({MediaType.APPLICATION_JSON, Problems.MEDIA_TYPE})
    @RolesAllowed({StaffRoles.DPO, StaffRoles.ADMIN, StaffRoles.AUDITOR})
    public Response batch(@PathParam("id") String id) {
        Optional<PurgeBatchView> batch = find(id);
        if (batch.isEmpty()) {
            return notFound(id);
        }
        JsonObjectBuilder json = summary(batch.get());
        JsonArrayBuilder cameras = Json.createArrayBuilder();
        batch.get().cameras().forEach(c -> cameras.add(camera(c)));
        return Response.ok(json.add("cameras", cameras).build().toString(), MediaType.APPLICATION_JSON).build();
    }

    /**
     * The manifest of a closed batch, streamed: the batch, the Merkle tree's definition and root, the cameras, then
     * every destroyed segment in leaf order (camera, then start).
     */
    @GET
    @Path("/{id}/manifest")
    @Produces({MediaType.APPLICATION_JSON, Problems.MEDIA_TYPE})
    @RolesAllowed({StaffRoles.DPO, StaffRoles.ADMIN, StaffRoles.AUDITOR})
    public Response manifest(@PathParam("id") String id) {
        Optional<PurgeBatchView> found = find(id);
        if (found.isEmpty()) {
            return notFound(id);
        }
        PurgeBatchView batch = found.get();
        if (!batch.closed()) {
            return Problems.of(409, "purge-running", "Lot en cours",
                    "Le lot de purge n° " + batch.id() + " est en cours : son manifeste existe quand il est clos.");
        }
        StreamingOutput body = out -> {
            try (JsonGenerator json = Json.createGenerator(out)) {
                json.writeStartObject().write("format", MANIFEST_FORMAT);
                json.write("batch", summary(batch).build());
                json.writeStartObject("merkleTree")
                        .write("hash", "RFC 6962 / RFC 9162 section 2.1, SHA-256 (leaf prefix 0x00, node prefix 0x01)")
                        .write("leaf", LEAF)
                        .write("order", "cameraId (plain character order), then start")
                        .write("size", batch.segments())
                        .write("root", batch.merkleRoot())
                        .writeEnd();
                JsonArrayBuilder cameras = Json.createArrayBuilder();
                batch.cameras().forEach(c -> cameras.add(camera(c)));
                json.write("cameras", cameras.build());
                json.writeStartArray("segments");
                queries.destroyedSegments(batch.id(), (camera, start, end, size, sha256) -> json.writeStartObject()
                        .write("cameraId", camera).write("start", start.toString()).write("end", end.toString())
                        .write("sizeBytes", size).write("sha256", sha256).writeEnd());
                json.writeEnd().writeEnd();
            }
        };
        return Response.ok(body, MediaType.APPLICATION_JSON).build();
    }

    /** Runs the purge now (202: the batch is open, destruction goes on in the background); 409 when one runs. */
    @POST
    @Produces({MediaType.APPLICATION_JSON, Problems.MEDIA_TYPE})
    @RolesAllowed(StaffRoles.ADMIN)
    public Response runNow() {
        try {
            long batchId = purges.runNow(PurgeTrigger.ADMIN, security.getUserPrincipal().getName());
            return Response.accepted(Json.createObjectBuilder().add("id", batchId).add("status", "RUNNING").build()
                            .toString()).type(MediaType.APPLICATION_JSON)
                    .location(URI.create("/api/v1/purges/" + batchId)).build();
        } catch (PurgeAlreadyRunningException e) {
            return Problems.of(409, "purge-running", "Purge déjà en cours", e.getMessage());
        }
    }

    private Optional<PurgeBatchView> find(String id) {
        try {
            return queries.batch(Long.parseLong(id));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static Response notFound(String id) {
        return Problems.of(404, "not-found", "Lot inconnu", "Aucun lot de purge n° " + id + ".");
    }

    private static JsonObjectBuilder summary(PurgeBatchView b) {
        JsonObjectBuilder json = Json.createObjectBuilder()
                .add("id", b.id())
                .add("status", b.status())
                .add("trigger", b.trigger())
                .add("triggeredBy", b.triggeredBy())
                .add("startedAt", b.startedAt().toString())
                .add("policyRetentionDays", b.policyRetentionDays())
                .add("segments", b.segments())
                .add("bytes", b.bytes());
        optional(json, "finishedAt", b.finishedAt());
        optional(json, "firstStart", b.firstStart());
        optional(json, "lastEnd", b.lastEnd());
        if (b.merkleRoot() != null) {
            json.add("merkleRoot", b.merkleRoot());
        }
        if (b.failure() != null) {
            json.add("failure", b.failure());
        }
        if (b.lastError() != null) {
            json.add("lastError", b.lastError());
        }
        if (b.resumedFrom() != null) {
            json.add("resumedFrom", b.resumedFrom());
        }
        if (b.resumedBy() != null) {
            json.add("resumedBy", b.resumedBy());
        }
        if (b.certificateDocumentId() != null) {
            json.add("certificate", Json.createObjectBuilder()
                    .add("documentId", b.certificateDocumentId())
                    .add("type", "PURGE_CERTIFICATE")
                    .add("downloadUrl", "/api/v1/documents/" + b.certificateDocumentId()));
        }
        return json;
    }

    private static JsonObjectBuilder camera(PurgeBatchView.Camera c) {
        JsonObjectBuilder json = Json.createObjectBuilder()
                .add("cameraId", c.cameraId())
                .add("retentionDays", c.retentionDays())
                .add("cutoff", c.cutoffAt().toString())
                .add("segments", c.segments())
                .add("bytes", c.bytes());
        optional(json, "firstStart", c.firstStart());
        optional(json, "lastEnd", c.lastEnd());
        return json;
    }

    private static void optional(JsonObjectBuilder json, String name, Instant value) {
        if (value != null) {
            json.add(name, value.toString());
        }
    }
}
