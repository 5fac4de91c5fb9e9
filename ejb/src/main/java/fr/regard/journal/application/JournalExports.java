package fr.regard.journal.application;

import fr.regard.calendar.domain.LegalCalendar;
import fr.regard.documents.domain.DocumentLanguage;
import fr.regard.documents.domain.JournalExport;
import fr.regard.documents.registry.DocumentIssuer;
import fr.regard.documents.registry.IssuedDocument;
import fr.regard.journal.domain.Journal;
import fr.regard.journal.domain.JournalActions;
import fr.regard.journal.domain.JournalEvent;
import fr.regard.journal.infrastructure.JournalIntegrator;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.transaction.Transactional;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Issues the export du journal (JOURNAL_EXPORT, docs/documents.md "Institutional documents"): the entries recorded
 * during whole Europe/Paris days, as a sealed PDF whose data file lists them with their leaf hashes, the signed
 * checkpoint that covers them (published first, so every entry of the period is in it) and the SHA-256 of their
 * canonical lines. On demand for auditors and the DPO, and once a day for the day before ({@link #daily}).
 * Bounded: at most {@code regard.journal.export.max-days} days and {@code regard.journal.export.max-entries} entries.
 */
@ApplicationScoped
public class JournalExports {

    static final String DAILY_PURPOSE = "Export quotidien du journal des opérations (conservation des traces, loi 78-17 titre III)";

    @Resource(lookup = "java:jboss/datasources/RegardDS")
    DataSource dataSource;

    @Inject
    JournalIntegrator integrator;

    @Inject
    DocumentIssuer issuer;

    @Inject
    Journal journal;

    @Inject
    @ConfigProperty(name = "regard.journal.export.max-entries", defaultValue = "5000")
    int maxEntries;

    @Inject
    @ConfigProperty(name = "regard.journal.export.max-days", defaultValue = "366")
    int maxDays;

    Clock clock = Clock.systemUTC();

    /** The Europe/Paris day before today: the default period of an export. */
    public LocalDate yesterday() {
        return LocalDate.ofInstant(clock.instant(), LegalCalendar.PARIS).minusDays(1);
    }

    /**
     * Issues the export of the entries recorded from the start of {@code from} to the end of {@code to} (Europe/Paris
     * days, both included; {@code to} may be today: the entries recorded until now).
     *
     * @throws JournalExportRefusedException for a bad or too long period, or too many entries; nothing is written
     */
    @Transactional(Transactional.TxType.REQUIRED)
    public IssuedDocument export(LocalDate from, LocalDate to, String actor, String role, String purpose) {
        LocalDate today = LocalDate.ofInstant(clock.instant(), LegalCalendar.PARIS);
        if (to.isAfter(today)) {
            throw new JournalExportRefusedException("to", "La fin de la période ne peut pas être postérieure à "
                    + "aujourd'hui (" + today + ").", false);
        }
        if (from.isAfter(to)) {
            throw new JournalExportRefusedException("from", "Le début de la période doit précéder sa fin ou lui être "
                    + "égal.", false);
        }
        long days = ChronoUnit.DAYS.between(from, to) + 1;
        if (days > maxDays) {
            throw new JournalExportRefusedException("to", "La période couvre " + days + " jours ; un export en couvre "
                    + maxDays + " au plus : découpez-la.", true);
        }
        Instant start = from.atStartOfDay(LegalCalendar.PARIS).toInstant();
        Instant end = to.plusDays(1).atStartOfDay(LegalCalendar.PARIS).toInstant();
        // every entry recorded so far gets its sequence, and a checkpoint signs the tree that holds them
        JournalIntegrator.Published published = integrator.integrate();
        JournalExport model;
        try (Connection c = dataSource.getConnection()) {
            long count = count(c, published.treeSize(), start, end);
            if (count > maxEntries) {
                throw new JournalExportRefusedException("from", "La période compte " + count + " entrées ; un export en "
                        + "contient " + maxEntries + " au plus : choisissez une période plus courte.", true);
            }
            MessageDigest lines = sha256();
            List<JournalExport.Entry> entries = entries(c, published.treeSize(), start, end, lines);
            Instant now = clock.instant();
            model = new JournalExport("JOURNAL-" + from + (from.equals(to) ? "" : "-" + to), now,
                    actor + " (" + role + ")", purpose, start, end.isAfter(now) ? now : end, published.treeSize(),
                    rootHash(c, published.treeSize()), HexFormat.of().formatHex(lines.digest()), entries,
                    published.note());
        } catch (SQLException e) {
            throw new IllegalStateException("The journal could not be read for its export", e);
        }
        IssuedDocument document = issuer.issue(model, DocumentLanguage.FR, null, null, actor, null);
        journal.record(JournalEvent.on(actor, role, JournalActions.JOURNAL_EXPORTED, "document",
                        String.valueOf(document.id()))
                .withPurpose(purpose)
                .withDetail("from", from.toString())
                .withDetail("to", to.toString())
                .withDetail("entries", String.valueOf(model.entries().size()))
                .withDetail("treeSize", String.valueOf(model.treeSize())));
        return document;
    }

    /**
     * The automatic export of {@code day}, exactly once: nothing when that day's export exists; otherwise issued and
     * recorded (V31 {@code journal_daily_export}) in one transaction, a concurrent second one failing on its key.
     */
    @Transactional(Transactional.TxType.REQUIRED)
    public Optional<IssuedDocument> daily(LocalDate day) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement select = c.prepareStatement(
                     "select document_id from journal_daily_export where export_day = ?")) {
            select.setObject(1, day);
            try (ResultSet rs = select.executeQuery()) {
                if (rs.next()) {
                    return Optional.empty();
                }
            }
            IssuedDocument document = export(day, day, "system", "system", DAILY_PURPOSE);
            try (PreparedStatement insert = c.prepareStatement(
                    "insert into journal_daily_export (export_day, document_id, issued_at) values (?, ?, ?)")) {
                insert.setObject(1, day);
                insert.setLong(2, document.id());
                insert.setObject(3, OffsetDateTime.ofInstant(document.issuedAt(), ZoneOffset.UTC));
                insert.executeUpdate();
            }
            return Optional.of(document);
        } catch (SQLException e) {
            throw new IllegalStateException("The daily journal export of " + day + " could not be recorded", e);
        }
    }

    private static long count(Connection c, long treeSize, Instant start, Instant end) throws SQLException {
        try (PreparedStatement select = c.prepareStatement("select count(*) from journal_entry where seq is not null "
                + "and seq < ? and recorded_at >= ? and recorded_at < ?")) {
            bind(select, treeSize, start, end);
            try (ResultSet rs = select.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private static List<JournalExport.Entry> entries(Connection c, long treeSize, Instant start, Instant end,
                                                     MessageDigest lines) throws SQLException {
        List<JournalExport.Entry> entries = new ArrayList<>();
        try (PreparedStatement select = c.prepareStatement("select seq, recorded_at, actor, action, object_json, "
                + "purpose, canonical, leaf_hash from journal_entry where seq is not null and seq < ? "
                + "and recorded_at >= ? and recorded_at < ? order by seq")) {
            bind(select, treeSize, start, end);
            select.setFetchSize(1000);
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    lines.update((rs.getString(7) + "\n").getBytes(StandardCharsets.UTF_8));
                    entries.add(new JournalExport.Entry(rs.getLong(1),
                            rs.getObject(2, OffsetDateTime.class).toInstant(), rs.getString(3), rs.getString(4),
                            caseReference(rs.getString(5)), rs.getString(6), rs.getString(8).strip()));
                }
            }
        }
        return entries;
    }

    private static void bind(PreparedStatement select, long treeSize, Instant start, Instant end) throws SQLException {
        select.setLong(1, treeSize);
        select.setObject(2, OffsetDateTime.ofInstant(start, ZoneOffset.UTC));
        select.setObject(3, OffsetDateTime.ofInstant(end, ZoneOffset.UTC));
    }

    /** The case an entry is about: the id of an object of type {@code case}, else none. */
    private static String caseReference(String objectJson) {
        try (JsonReader reader = Json.createReader(new StringReader(objectJson))) {
            JsonObject object = reader.readObject();
            return "case".equals(object.getString("type", null)) ? object.getString("id", null) : null;
        } catch (RuntimeException e) {
            return null;
        }
    }

    private static String rootHash(Connection c, long treeSize) throws SQLException {
        try (PreparedStatement select = c.prepareStatement(
                "select root_hash from journal_checkpoint where tree_size = ?")) {
            select.setLong(1, treeSize);
            try (ResultSet rs = select.executeQuery()) {
                if (!rs.next()) {
                    throw new IllegalStateException("No checkpoint at tree size " + treeSize);
                }
                return rs.getString(1).strip();
            }
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** For the log and tests: the bounds in force. */
    public int maxEntries() {
        return maxEntries;
    }
}
