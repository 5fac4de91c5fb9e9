package fr.regard.journal.infrastructure;

import fr.regard.journal.domain.Journal;
import fr.regard.journal.domain.JournalEvent;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import javax.sql.DataSource;

/**
 * Writes journal rows in the caller's transaction ({@code MANDATORY}: a change without a transaction cannot be
 * journalled, and is refused). One plain INSERT on the transaction's connection — no entity, no lock — so
 * concurrent use cases never wait on each other; the integrator gives the rows their gap-free sequence numbers
 * right after commit. A row exists if and only if the change it records was committed.
 */
@ApplicationScoped
public class JdbcJournal implements Journal {

    private static final String INSERT = "insert into journal_entry "
            + "(recorded_at, actor, role, action, object_json, purpose, details_json) values (?, ?, ?, ?, ?, ?, ?)";

    @Resource(lookup = "java:jboss/datasources/RegardDS")
    DataSource dataSource;

    Clock clock = Clock.systemUTC();

    @Override
    @Transactional(Transactional.TxType.MANDATORY)
    public void record(JournalEvent event) {
        try (Connection c = dataSource.getConnection()) {
            insert(c, event, clock.instant());
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot write the journal entry " + event.action(), e);
        }
    }

    /**
     * The journal row of an event, written on the given connection (its transaction): what {@link #record} does on
     * the server, and what code running outside the container (the purge's kill -9 test) uses directly.
     */
    public static void insert(Connection c, JournalEvent event, Instant at) throws SQLException {
        try (PreparedStatement insert = c.prepareStatement(INSERT)) {
            insert.setTimestamp(1, Timestamp.from(at.truncatedTo(ChronoUnit.MICROS)));
            insert.setString(2, event.actor());
            insert.setString(3, event.role());
            insert.setString(4, event.action());
            insert.setString(5, FlatJson.write(event.object()));
            insert.setString(6, event.purpose());
            insert.setString(7, event.details().isEmpty() ? null : FlatJson.write(event.details()));
            insert.executeUpdate();
        }
    }
}
