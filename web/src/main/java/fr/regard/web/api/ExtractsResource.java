package fr.regard.web.api;

import fr.regard.archive.application.ExtractionReports;
import fr.regard.archive.application.ExtractionService;
import fr.regard.web.security.StaffRoles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
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
import java.nio.file.Files;

/**
 * One extract: its status and progress ({@code GET}), its cancellation, the staff download of its file (journalled
 * with the purpose given in {@code ?purpose=}) and the data of its procès-verbal d'extraction (docs/archive.md).
 */
@Path("/extracts/{id}")
@RequestScoped
public class ExtractsResource {

    @Inject
    ExtractionService extraction;

    @Inject
    ExtractionReports reports;

    @Context
    SecurityContext security;

    @GET
    @Produces({MediaType.APPLICATION_JSON, Problems.MEDIA_TYPE})
    @RolesAllowed({StaffRoles.DPO, StaffRoles.OPERATOR, StaffRoles.AUDITOR, StaffRoles.ADMIN})
    public Response view(@PathParam("id") long id) {
        return Response.ok(extraction.view(id).toString(), MediaType.APPLICATION_JSON).build();
    }

    @POST
    @Path("/cancel")
    @Produces({MediaType.APPLICATION_JSON, Problems.MEDIA_TYPE})
    @RolesAllowed({StaffRoles.DPO, StaffRoles.OPERATOR})
    public Response cancel(@PathParam("id") long id) {
        return Response.ok(extraction.cancel(id, security.getUserPrincipal().getName(), StaffRoles.roleOf(security))
                .toString(), MediaType.APPLICATION_JSON).build();
    }

    @GET
    @Path("/pv")
    @Produces({MediaType.APPLICATION_JSON, Problems.MEDIA_TYPE})
    @RolesAllowed({StaffRoles.DPO, StaffRoles.OPERATOR, StaffRoles.AUDITOR, StaffRoles.ADMIN})
    public Response pv(@PathParam("id") long id) {
        return Response.ok(extraction.pv(id).toString(), MediaType.APPLICATION_JSON).build();
    }

    /**
     * Issues the procès-verbal as a sealed PDF on the case (registry, journal): 201 with the document; 409 while an
     * extract of the request is not finished. Each call issues a new document (the registry keeps every issue).
     */
    @POST
    @Path("/pv/document")
    @Produces({MediaType.APPLICATION_JSON, Problems.MEDIA_TYPE})
    @RolesAllowed({StaffRoles.DPO, StaffRoles.OPERATOR})
    public Response pvDocument(@PathParam("id") long id) {
        fr.regard.documents.registry.IssuedDocument d = reports.issue(id, security.getUserPrincipal().getName());
        return Response.status(201).type(MediaType.APPLICATION_JSON).entity(jakarta.json.Json.createObjectBuilder()
                .add("id", d.id()).add("type", d.type()).add("title", d.title()).add("mediaType", d.mediaType())
                .add("sha256", d.sha256()).add("sealLevel", d.sealLevel())
                .add("downloadUrl", "/api/v1/documents/" + d.id()).build().toString()).build();
    }

    /** The file, for the DPO or an operator, with the SHA-256 recorded at production in {@code Repr-Digest}. */
    @GET
    @Path("/file")
    @Produces({"video/mp4", Problems.MEDIA_TYPE})
    @RolesAllowed({StaffRoles.DPO, StaffRoles.OPERATOR})
    public Response file(@PathParam("id") long id, @QueryParam("purpose") String purpose) {
        ExtractionService.Download d = extraction.download(id, purpose, security.getUserPrincipal().getName(),
                StaffRoles.roleOf(security));
        return video(d)
                .header("X-Content-SHA256", d.sha256())
                .header("Cache-Control", "no-store")
                .build();
    }

    /** An extract's file as an attachment, with the SHA-256 recorded at production in {@code Repr-Digest}. */
    static Response.ResponseBuilder video(ExtractionService.Download d) {
        StreamingOutput body = out -> Files.copy(d.file(), out);
        return Response.ok(body, "video/mp4")
                .header("Content-Length", d.size())
                .header("Content-Disposition", "attachment; filename=\"" + d.fileName() + "\"")
                .header("Repr-Digest", "sha-256=:" + java.util.Base64.getEncoder()
                        .encodeToString(java.util.HexFormat.of().parseHex(d.sha256())) + ":");
    }
}
