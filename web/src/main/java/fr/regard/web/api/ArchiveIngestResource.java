package fr.regard.web.api;

import fr.regard.archive.application.ArchiveIngestService;
import fr.regard.archive.application.SegmentIngest;
import fr.regard.archive.domain.IngestProblem;
import fr.regard.archive.domain.IngestReport;
import fr.regard.web.security.StaffRoles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;

/**
 * The archive ingest: how the last run went ({@code GET}, any staff role) and a run now ({@code POST}, administrators
 * and operators; answers when the run is over, with its report; 409 while another run is in progress).
 */
@Path("/archive/ingest")
@RequestScoped
public class ArchiveIngestResource {

    @Inject
    ArchiveIngestService ingest;

    @Context
    SecurityContext security;

    @GET
    @Produces({MediaType.APPLICATION_JSON, Problems.MEDIA_TYPE})
    @RolesAllowed({StaffRoles.DPO, StaffRoles.OPERATOR, StaffRoles.AUDITOR, StaffRoles.ADMIN})
    public Response status() {
        ArchiveIngestService.Status status = ingest.status();
        JsonObjectBuilder body = Json.createObjectBuilder().add("running", status.runningRun().isPresent());
        status.runningRun().ifPresent(run -> body.add("runningRun", run));
        if (status.last().isPresent()) {
            body.add("last", json(status.last().get()));
        } else {
            body.addNull("last");
        }
        return Response.ok(body.build().toString(), MediaType.APPLICATION_JSON).build();
    }

    @POST
    @Produces({MediaType.APPLICATION_JSON, Problems.MEDIA_TYPE})
    @RolesAllowed({StaffRoles.ADMIN, StaffRoles.OPERATOR})
    public Response runNow() {
        String role = security.isUserInRole(StaffRoles.ADMIN) ? StaffRoles.ADMIN : StaffRoles.OPERATOR;
        try {
            IngestReport report = ingest.runNow(security.getUserPrincipal().getName(), role);
            return Response.ok(json(report).build().toString(), MediaType.APPLICATION_JSON).build();
        } catch (SegmentIngest.BusyException e) {
            return Problems.of(409, "ingest-running", "Indexation déjà en cours",
                    "Une indexation de l'archive est déjà en cours ; son compte rendu sera disponible à sa fin.");
        }
    }

    static JsonObjectBuilder json(IngestReport r) {
        JsonObjectBuilder problems = Json.createObjectBuilder();
        r.problems().forEach((kind, count) -> problems.add(kind.name(), count));
        JsonArrayBuilder samples = Json.createArrayBuilder();
        for (IngestProblem p : r.samples()) {
            samples.add(Json.createObjectBuilder().add("kind", p.kind().name()).add("location", p.location())
                    .add("reason", p.reason()));
        }
        JsonObjectBuilder body = Json.createObjectBuilder()
                .add("runId", r.runId())
                .add("node", r.node())
                .add("startedAt", r.startedAt().toString())
                .add("finishedAt", r.finishedAt().toString())
                .add("outcome", r.outcome().name())
                .add("cameras", r.cameras())
                .add("listed", r.listed())
                .add("indexed", r.indexed())
                .add("alreadyIndexed", r.alreadyIndexed())
                .add("notSettled", r.notSettled())
                .add("bytesHashed", r.bytesHashed())
                .add("problemCount", r.problemCount())
                .add("problems", problems)
                .add("problemSamples", samples);
        if (r.failure() != null) {
            body.add("failure", r.failure());
        }
        return body;
    }
}
