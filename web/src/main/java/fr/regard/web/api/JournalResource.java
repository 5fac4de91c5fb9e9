package fr.regard.web.api;

import fr.regard.documents.registry.IssuedDocument;
import fr.regard.journal.application.ConsistencyProofView;
import fr.regard.journal.application.JournalExportRefusedException;
import fr.regard.journal.application.JournalExports;
import fr.regard.journal.application.InclusionProofView;
import fr.regard.journal.application.JournalQueryException;
import fr.regard.journal.application.JournalService;
import fr.regard.journal.application.StoredEntry;
import fr.regard.journal.format.AuditReport;
import fr.regard.journal.format.CheckResult;
import fr.regard.web.security.StaffRoles;
import fr.regard.intake.application.FieldViolation;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.core.StreamingOutput;
import java.io.StringReader;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * The tamper-evident journal, published as transparency logs are: the signed checkpoint, the verifier key and
 * proofs need no login (they carry hashes only); entries, exports and the integrity check are for auditors.
 */
@Path("/journal")
@RequestScoped
public class JournalResource {

    private static final String TEXT = MediaType.TEXT_PLAIN + ";charset=utf-8";

    @Inject
    JournalService journal;

    @Inject
    JournalExports exports;

    @Context
    SecurityContext security;

    /** The newest checkpoint as a C2SP signed note. */
    @GET
    @Path("/checkpoint")
    @Produces(TEXT)
    public Response checkpoint() {
        CacheControl cache = new CacheControl();
        cache.setNoCache(true);
        return Response.ok(journal.latestCheckpoint(), TEXT).cacheControl(cache).build();
    }

    /** Publishes a checkpoint now (on demand) and returns it. */
    @POST
    @Path("/checkpoint")
    @Produces(TEXT)
    @RolesAllowed({"auditor", "admin", "dpo"})
    public Response publish() {
        return Response.ok(journal.publishNow(), TEXT).build();
    }

    /** The verifier key in the C2SP signed-note key format, to pin in verifiers. */
    @GET
    @Path("/vkey")
    @Produces(TEXT)
    public Response vkey() {
        return Response.ok(journal.verifierKey() + "\n", TEXT).build();
    }

    @GET
    @Path("/proofs/inclusion")
    @Produces({MediaType.APPLICATION_JSON, Problems.MEDIA_TYPE})
    public Response inclusion(@QueryParam("seq") Long seq, @QueryParam("treeSize") Long treeSize) {
        try {
            long size = treeSize != null ? treeSize : journal.publishedSize();
            InclusionProofView proof = journal.inclusion(require(seq, "seq"), size);
            return Response.ok(Json.createObjectBuilder()
                    .add("seq", proof.seq())
                    .add("treeSize", proof.treeSize())
                    .add("leafHash", b64(proof.leafHash()))
                    .add("rootHash", b64(proof.rootHash()))
                    .add("hashes", array(proof.hashes()))
                    .build().toString(), MediaType.APPLICATION_JSON).build();
        } catch (JournalQueryException e) {
            return Problems.invalidRequest(List.of(new FieldViolation(e.field(), e.getMessage())));
        }
    }

    @GET
    @Path("/proofs/consistency")
    @Produces({MediaType.APPLICATION_JSON, Problems.MEDIA_TYPE})
    public Response consistency(@QueryParam("from") Long from, @QueryParam("to") Long to) {
        try {
            long size = to != null ? to : journal.publishedSize();
            ConsistencyProofView proof = journal.consistency(require(from, "from"), size);
            return Response.ok(Json.createObjectBuilder()
                    .add("from", proof.from())
                    .add("to", proof.to())
                    .add("fromRootHash", b64(proof.fromRoot()))
                    .add("toRootHash", b64(proof.toRoot()))
                    .add("hashes", array(proof.hashes()))
                    .build().toString(), MediaType.APPLICATION_JSON).build();
        } catch (JournalQueryException e) {
            return Problems.invalidRequest(List.of(new FieldViolation(e.field(), e.getMessage())));
        }
    }

    /** The server's integrity check over the whole stored journal (auditor console). */
    @GET
    @Path("/integrity")
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({"auditor", "dpo", "admin"})
    public Response integrity() {
        AuditReport report = journal.integrity(security.getUserPrincipal().getName(), StaffRoles.roleOf(security));
        JsonArrayBuilder findings = Json.createArrayBuilder();
        for (CheckResult check : report.checks()) {
            JsonObjectBuilder row = Json.createObjectBuilder()
                    .add("check", check.check().label())
                    .add("id", check.check().id())
                    .add("status", check.status().name())
                    .add("passed", !check.failed())
                    .add("message", check.summary());
            JsonArrayBuilder details = Json.createArrayBuilder();
            check.failures().forEach(f -> details.add(f.message()));
            findings.add(row.add("failures", details));
        }
        JsonObjectBuilder json = Json.createObjectBuilder()
                .add("ok", report.ok())
                .add("entries", report.counts().entries())
                .add("checkpoints", report.counts().checkpoints())
                .add("newestCheckpointSize", report.counts().newestCheckpointSize())
                .add("findings", findings);
        report.firstBadSeq().ifPresent(seq -> json.add("firstBadSeq", seq));
        return Response.ok(json.build().toString(), MediaType.APPLICATION_JSON).build();
    }

    /** An auditor bundle (zip) of entries from..to (default: everything published), for the offline verifier. */
    @GET
    @Path("/bundle")
    @Produces({"application/zip", Problems.MEDIA_TYPE})
    @RolesAllowed({"auditor", "dpo", "admin"})
    public Response bundle(@QueryParam("from") Long from, @QueryParam("to") Long to, @QueryParam("since") Long since) {
        String actor = security.getUserPrincipal().getName();
        String role = StaffRoles.roleOf(security);
        try {
            // Validate before streaming: a bad range must answer 400, not a broken zip.
            journal.checkBundleRange(from, to, since);
        } catch (JournalQueryException e) {
            return Problems.invalidRequest(List.of(new FieldViolation(e.field(), e.getMessage())));
        }
        StreamingOutput body = out -> journal.exportBundle(from, to, since, out, actor, role);
        return Response.ok(body, "application/zip")
                .header("Content-Disposition", "attachment; filename=\"journal-regard.zip\"")
                .build();
    }

    /** Stored entries for auditors: canonical JSON exactly as hashed, with their leaf hashes. */
    @GET
    @Path("/entries")
    @Produces({MediaType.APPLICATION_JSON, Problems.MEDIA_TYPE})
    @RolesAllowed({"auditor", "dpo", "admin"})
    public Response entries(@QueryParam("from") Long from, @QueryParam("limit") Integer limit) {
        try {
            JsonArrayBuilder entries = Json.createArrayBuilder();
            for (StoredEntry entry : journal.entries(from == null ? 0 : from, limit == null ? 100 : limit)) {
                entries.add(Json.createObjectBuilder().add("seq", entry.seq()).add("leafHash", entry.leafHash())
                        .add("entry", Json.createReader(new StringReader(entry.canonical())).readObject()));
            }
            return Response.ok(Json.createObjectBuilder().add("entries", entries).build().toString(),
                    MediaType.APPLICATION_JSON).build();
        } catch (JournalQueryException e) {
            return Problems.invalidRequest(List.of(new FieldViolation(e.field(), e.getMessage())));
        }
    }

    /**
     * Issues the export du journal of whole Europe/Paris days as a sealed document: body {@code {"from":"YYYY-MM-DD",
     * "to":"YYYY-MM-DD"}}, both optional (default: yesterday; {@code to} defaults to {@code from}). 201 with the
     * document; 400 naming a bad field; 422 when the period is too long or holds too many entries.
     */
    @POST
    @Path("/exports")
    @Produces({MediaType.APPLICATION_JSON, Problems.MEDIA_TYPE})
    @RolesAllowed({StaffRoles.AUDITOR, StaffRoles.DPO})
    public Response export(String body) {
        List<FieldViolation> violations = new ArrayList<>();
        JsonObject request = Json.createObjectBuilder().build();
        if (body != null && !body.isBlank()) {
            try (JsonReader reader = Json.createReader(new StringReader(body))) {
                JsonValue value = reader.readValue();
                if (value.getValueType() != JsonValue.ValueType.OBJECT) {
                    violations.add(new FieldViolation("body", "Le corps est un objet JSON : {\"from\":\"AAAA-MM-JJ\","
                            + "\"to\":\"AAAA-MM-JJ\"}."));
                } else {
                    request = value.asJsonObject();
                }
            } catch (JsonException e) {
                violations.add(new FieldViolation("body", "Le corps n'est pas un JSON lisible."));
            }
        }
        LocalDate from = day(request, "from", violations);
        LocalDate to = day(request, "to", violations);
        if (!violations.isEmpty()) {
            return Problems.invalidRequest(violations);
        }
        LocalDate first = from != null ? from : to != null ? to : exports.yesterday();
        LocalDate last = to != null ? to : first;
        try {
            IssuedDocument document = exports.export(first, last, security.getUserPrincipal().getName(),
                    StaffRoles.roleOf(security), "Contrôle du journal des opérations (export demandé par "
                            + security.getUserPrincipal().getName() + ")");
            return InstitutionalDocuments.created(document);
        } catch (JournalExportRefusedException e) {
            if (e.tooLarge()) {
                return Problems.unprocessable("export-too-large", "Export trop volumineux", e.field(), e.getMessage());
            }
            return Problems.invalidRequest(List.of(new FieldViolation(e.field(), e.getMessage())));
        }
    }

    /** An optional ISO date member; a violation naming it when it is not one. */
    private static LocalDate day(JsonObject request, String name, List<FieldViolation> violations) {
        JsonValue value = request.get(name);
        if (value == null || value.getValueType() == JsonValue.ValueType.NULL) {
            return null;
        }
        if (value instanceof JsonString text) {
            try {
                return LocalDate.parse(text.getString().strip());
            } catch (DateTimeParseException e) {
                // reported below
            }
        }
        violations.add(new FieldViolation(name, "Une date au format AAAA-MM-JJ est attendue (jour de Paris)."));
        return null;
    }

    private static long require(Long value, String name) {
        if (value == null) {
            throw new JournalQueryException(name, "Paramètre obligatoire.");
        }
        return value;
    }

    private static String b64(byte[] bytes) {
        return Base64.getEncoder().encodeToString(bytes);
    }

    private static JsonArrayBuilder array(List<byte[]> hashes) {
        JsonArrayBuilder array = Json.createArrayBuilder();
        hashes.forEach(h -> array.add(b64(h)));
        return array;
    }
}
