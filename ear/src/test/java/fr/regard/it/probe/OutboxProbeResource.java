package fr.regard.it.probe;

import fr.regard.documents.registry.BlobStore;
import fr.regard.mail.outbox.Bounces;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.io.StringReader;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import javax.sql.DataSource;

/**
 * The outbox's Bounces API as the mail reader calls it (MailOutboxIT records a bounce without IMAP); whether the stored
 * copies of a case's mails are still in the blob store.
 */
@jakarta.ws.rs.Path("outbox")
@RequestScoped
public class OutboxProbeResource {

    @Inject
    Bounces bounces;

    @Inject
    BlobStore blobs;

    @Resource(lookup = "java:jboss/datasources/RegardDS")
    DataSource dataSource;

    /** Per outbox row of the case: kind, raw_sha256, whether that blob is stored, raw_erased_at set or not. */
    @GET
    @jakarta.ws.rs.Path("copies")
    @Produces(MediaType.APPLICATION_JSON)
    public String copies(@QueryParam("caseReference") String reference) throws Exception {
        JsonArrayBuilder rows = Json.createArrayBuilder();
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(
                "select kind, raw_sha256, raw_erased_at, state from mail_outbox where case_reference = ? order by id")) {
            s.setString(1, reference);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    rows.add(Json.createObjectBuilder().add("kind", rs.getString(1)).add("rawSha256", rs.getString(2))
                            .add("stored", blobs.contains(rs.getString(2))).add("erased", rs.getObject(3) != null)
                            .add("state", rs.getString(4)));
                }
            }
        }
        return Json.createObjectBuilder().add("mails", rows).build().toString();
    }

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
