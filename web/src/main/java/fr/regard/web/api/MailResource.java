package fr.regard.web.api;

import fr.regard.mail.outbox.Outbox;
import fr.regard.mail.outbox.OutboxState;
import fr.regard.mail.outbox.OutboxStatus;
import fr.regard.web.security.StaffRoles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * The outbox as the DPO and the administrator watch it ({@code GET /mail/outbox}): whether sending is enabled, counts
 * by state, the oldest mail still waiting, the last error (French), and the latest mails (no content, no address).
 */
@Path("/mail")
@RequestScoped
public class MailResource {

    @Inject
    Outbox outbox;

    @GET
    @Path("/outbox")
    @Produces({MediaType.APPLICATION_JSON, Problems.MEDIA_TYPE})
    @RolesAllowed({StaffRoles.DPO, StaffRoles.ADMIN})
    public Response outbox() {
        OutboxStatus status = outbox.status(50);
        JsonObjectBuilder counts = Json.createObjectBuilder();
        status.counts().forEach((state, count) -> counts.add(state.name(), count));
        JsonArrayBuilder latest = Json.createArrayBuilder();
        status.latest().forEach(item -> latest.add(item(item)));
        JsonObjectBuilder json = Json.createObjectBuilder()
                .add("sendingEnabled", status.sendingEnabled())
                .add("counts", counts)
                .add("waiting", status.counts().get(OutboxState.QUEUED) + status.counts().get(OutboxState.SENDING));
        if (status.oldestWaiting() != null) {
            json.add("oldestWaiting", item(status.oldestWaiting()));
        }
        if (status.lastError() != null) {
            json.add("lastError", item(status.lastError()));
        }
        json.add("latest", latest);
        return Response.ok(json.build().toString(), MediaType.APPLICATION_JSON).build();
    }

    private static JsonObject item(OutboxStatus.Item item) {
        JsonObjectBuilder json = Json.createObjectBuilder().add("id", item.id()).add("messageId", item.messageId())
                .add("kind", item.kind()).add("state", item.state()).add("stateLabel", item.stateLabel())
                .add("attempts", item.attempts()).add("queuedAt", Representations.time(item.queuedAt()));
        Representations.put(json, "caseReference", item.caseReference());
        if (item.letterId() != null) {
            json.add("letterId", item.letterId());
        }
        Representations.put(json, "letterType", item.letterType());
        Representations.put(json, "nextAttemptAt", item.nextAttemptAt());
        Representations.put(json, "lastAttemptAt", item.lastAttemptAt());
        Representations.put(json, "lastError", item.lastError());
        Representations.put(json, "sentAt", item.sentAt());
        Representations.put(json, "failedAt", item.failedAt());
        Representations.put(json, "copyErasedAt", item.copyErasedAt());
        return json.build();
    }
}
