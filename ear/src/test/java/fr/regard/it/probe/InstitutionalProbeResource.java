package fr.regard.it.probe;

import fr.regard.archive.application.PurgeCertificates;
import fr.regard.journal.application.JournalExports;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObjectBuilder;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.LocalDate;

/** Runs the institutional documents' steps again, as a retried job or a second node would. */
@Path("institutional")
@RequestScoped
public class InstitutionalProbeResource {

    @Inject
    PurgeCertificates certificates;

    @Inject
    JournalExports exports;

    @POST
    @Path("purge-certificate/{batchId}")
    @Produces(MediaType.APPLICATION_JSON)
    public String certificate(@PathParam("batchId") long batchId) {
        JsonObjectBuilder json = Json.createObjectBuilder();
        certificates.issueFor(batchId).ifPresent(id -> json.add("documentId", id));
        return json.build().toString();
    }

    @POST
    @Path("daily-export")
    @Produces(MediaType.APPLICATION_JSON)
    public String daily(@QueryParam("day") String day) {
        JsonObjectBuilder json = Json.createObjectBuilder();
        exports.daily(LocalDate.parse(day)).ifPresent(d -> json.add("documentId", d.id()));
        return json.build().toString();
    }
}
