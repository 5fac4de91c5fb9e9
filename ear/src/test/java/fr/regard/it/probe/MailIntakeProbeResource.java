package fr.regard.it.probe;

import fr.regard.mail.intake.MailIntake;
import fr.regard.mail.intake.MailboxReader;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import javax.sql.DataSource;

/** The mail reader's rows and journal entries for a Message-ID; a switch that makes its moves fail for a while. */
@jakarta.ws.rs.Path("mail-intake")
@RequestScoped
public class MailIntakeProbeResource {

    @Resource(lookup = "java:jboss/datasources/RegardDS")
    DataSource dataSource;

    @Inject
    MailboxReader reader;

    @Inject
    MailIntake intake;

    @GET
    @jakarta.ws.rs.Path("messages")
    @Produces(MediaType.APPLICATION_JSON)
    public String messages(@QueryParam("messageId") String messageId) throws Exception {
        JsonArrayBuilder rows = Json.createArrayBuilder();
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("select id, state, kind, reason, case_reference, target_folder, "
                     + "moved_at, move_error, sha256, uid, notice_outbox_id, bounce_original, received_at "
                     + "from mail_message where message_id = ? order by id");
             PreparedStatement j = c.prepareStatement("select action, details_json from journal_entry "
                     + "where (object_json like '%\"type\":\"mail\"%' and object_json like ?) "
                     + "or (details_json like ? and action = 'MAIL_ATTACHED') order by id")) {
            s.setString(1, messageId);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    long id = rs.getLong(1);
                    JsonObjectBuilder row = Json.createObjectBuilder().add("id", id).add("state", rs.getString(2))
                            .add("moved", rs.getObject(7) != null).add("sha256", rs.getString(9))
                            .add("uid", rs.getLong(10)).add("noticeSent", rs.getObject(11) != null)
                            .add("receivedAt", rs.getObject(13, java.time.OffsetDateTime.class).toInstant().toString());
                    add(row, "kind", rs.getString(3));
                    add(row, "reason", rs.getString(4));
                    add(row, "caseReference", rs.getString(5));
                    add(row, "targetFolder", rs.getString(6));
                    add(row, "moveError", rs.getString(8));
                    add(row, "bounceOriginal", rs.getString(12));
                    JsonArrayBuilder journal = Json.createArrayBuilder();
                    j.setString(1, "%\"id\":\"" + id + "\"%");
                    j.setString(2, "%\"mail\":\"" + id + "\"%");
                    try (ResultSet e = j.executeQuery()) {
                        while (e.next()) {
                            journal.add(Json.createObjectBuilder().add("action", e.getString(1))
                                    .add("details", e.getString(2) == null ? "" : e.getString(2)));
                        }
                    }
                    rows.add(row.add("journal", journal));
                }
            }
        }
        return Json.createObjectBuilder().add("rows", rows).build().toString();
    }

    @POST
    @jakarta.ws.rs.Path("fail-moves")
    @Produces(MediaType.APPLICATION_JSON)
    public String failMoves(@QueryParam("seconds") int seconds) {
        reader.failMovesUntil(Instant.now().plusSeconds(seconds));
        return "{}";
    }

    @POST
    @jakarta.ws.rs.Path("fail-routing")
    @Produces(MediaType.APPLICATION_JSON)
    public String failRouting(@QueryParam("seconds") int seconds) {
        intake.failRoutingUntil(Instant.now().plusSeconds(seconds));
        return "{}";
    }

    @GET
    @jakarta.ws.rs.Path("reader")
    @Produces(MediaType.APPLICATION_JSON)
    public String reader() {
        return Json.createObjectBuilder().add("turns", reader.turns())
                .add("interruptedRoutings", intake.interruptedRoutings()).build().toString();
    }

    private static void add(JsonObjectBuilder json, String name, String value) {
        if (value != null) {
            json.add(name, value);
        }
    }
}
