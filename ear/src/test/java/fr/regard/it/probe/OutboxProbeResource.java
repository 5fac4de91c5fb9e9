package fr.regard.it.probe;

import fr.regard.mail.outbox.Bounces;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.io.StringReader;

/** The outbox's Bounces API as the mail reader calls it (MailOutboxIT records a bounce without IMAP). */
@jakarta.ws.rs.Path("outbox")
@RequestScoped
public class OutboxProbeResource {

    @Inject
    Bounces bounces;

    @POST
    @jakarta.ws.rs.Path("bounce")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public String bounce(String body) {
        JsonObject json = Json.createReader(new StringReader(body)).readObject();
        Bounces.Outcome outcome = bounces.record(json.getString("originalMessageId"),
                json.getString("failedRecipient", null), json.getString("status", null),
                json.getString("diagnostic", null), json.getString("bounceMessageId", null));
        return Json.createObjectBuilder().add("outcome", outcome.name()).build().toString();
    }
}
