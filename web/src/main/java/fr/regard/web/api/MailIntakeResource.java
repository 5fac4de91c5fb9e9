package fr.regard.web.api;

import fr.regard.mail.intake.MailReaderStatus;
import fr.regard.web.security.StaffRoles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObjectBuilder;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * The reading of the DPO mailbox ({@code GET /mail/status}): reachable or not and since when, last successful
 * read, messages not yet routed or moved, the last error in French (docs/mail.md "Reading the mailbox").
 */
@Path("/mail/status")
@RequestScoped
public class MailIntakeResource {

    @Inject
    MailReaderStatus status;

    @GET
    @Produces({MediaType.APPLICATION_JSON, Problems.MEDIA_TYPE})
    @RolesAllowed({StaffRoles.DPO, StaffRoles.ADMIN})
    public Response status() {
        MailReaderStatus.View v = status.view();
        JsonObjectBuilder json = Json.createObjectBuilder().add("enabled", v.enabled()).add("state", v.state())
                .add("summary", v.summary()).add("backlog", v.backlog());
        Representations.put(json, "node", v.node());
        Representations.put(json, "lastSuccessAt", v.lastSuccessAt());
        Representations.put(json, "lastAttemptAt", v.lastAttemptAt());
        Representations.put(json, "failingSince", v.failingSince());
        Representations.put(json, "lastError", v.lastError());
        if (v.idle() != null) {
            json.add("idle", v.idle());
        }
        return Response.ok(json.build().toString(), MediaType.APPLICATION_JSON).build();
    }
}
