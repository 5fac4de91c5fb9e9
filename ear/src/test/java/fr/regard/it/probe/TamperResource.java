package fr.regard.it.probe;

import fr.regard.journal.format.AuditReport;
import fr.regard.journal.format.JournalAudit;
import fr.regard.journal.format.KnownCheckpoint;
import fr.regard.journal.infrastructure.DbAuditSource;
import fr.regard.journal.infrastructure.JournalKeys;
import fr.regard.journal.infrastructure.PublishedCheckpointFile;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.transaction.UserTransaction;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.sql.Connection;
import java.sql.Statement;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * Tampering without damage (test-only): inside one transaction, applies the given SQL statements to the journal
 * tables (PostgreSQL: with the append-only triggers disabled for that transaction, as a table owner could), runs
 * the server's own integrity check (the same DbAuditSource + JournalAudit as GET /api/v1/journal/integrity) on what
 * the transaction sees, then rolls everything back.
 */
@Path("/tamper")
@RequestScoped
public class TamperResource {

    @Resource
    UserTransaction tx;

    @Resource(lookup = "java:jboss/datasources/RegardDS")
    DataSource dataSource;

    @Inject
    JournalKeys keys;

    @Inject
    PublishedCheckpointFile published;

    @POST
    @Consumes(MediaType.TEXT_PLAIN)
    @Produces(MediaType.APPLICATION_JSON)
    public String tamperAndCheck(String statements) throws Exception {
        tx.begin();
        try {
            try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
                boolean postgres = c.getMetaData().getDatabaseProductName().toLowerCase().contains("postgres");
                if (postgres) {
                    s.execute("alter table journal_entry disable trigger user");
                    s.execute("alter table journal_checkpoint disable trigger user");
                }
                for (String statement : statements.split(";\n")) {
                    if (!statement.isBlank()) {
                        s.execute(statement);
                    }
                }
            }
            AuditReport report = JournalAudit.run(new DbAuditSource(dataSource, keys.origin()), keys.verifier(),
                    published.read().map(KnownCheckpoint::ofSignedNote), null);
            JsonArrayBuilder failed = Json.createArrayBuilder();
            report.failedChecks().forEach(check -> failed.add(check.id()));
            var json = Json.createObjectBuilder().add("ok", report.ok()).add("failedChecks", failed)
                    .add("report", report.toString());
            report.firstBadSeq().ifPresent(seq -> json.add("firstBadSeq", seq));
            return json.build().toString();
        } finally {
            tx.rollback();
        }
    }
}
