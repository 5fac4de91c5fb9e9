package fr.regard.platform.infrastructure;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * A cluster-wide lease on the single row ({@code id = 1}) of a state table with the columns {@code run_id},
 * {@code run_node} and {@code lease_until}: one holder at a time across the nodes, taken over once it expired (a
 * dead node). Each call is one statement on the caller's connection and transaction. Used by the archive ingest
 * ({@code archive_ingest_state}) and the mail reader ({@code mail_reader_state}).
 */
public final class RowLease {

    private final DataSource dataSource;
    private final String table;

    /** @param table a constant table name of the application (never user input) */
    public RowLease(DataSource dataSource, String table) {
        this.dataSource = dataSource;
        this.table = table;
    }

    /** Takes the lease for {@code holder} until {@code until} if it is free or expired at {@code now}. */
    public boolean claim(String holder, String node, Instant now, Instant until) {
        return update("take the lease of " + table, "update " + table + " set run_id = ?, run_node = ?, lease_until = ? "
                + "where id = 1 and (run_id is null or lease_until < ?)", holder, node, utc(until), utc(now)) == 1;
    }

    /** Extends the lease while {@code holder} still has it. */
    public boolean renew(String holder, Instant until) {
        return update("renew the lease of " + table, "update " + table + " set lease_until = ? where id = 1 and run_id = ?",
                utc(until), holder) == 1;
    }

    /** Frees the lease if {@code holder} has it. */
    public void release(String holder) {
        update("free the lease of " + table, "update " + table + " set run_id = null, run_node = null, lease_until = null "
                + "where id = 1 and run_id = ?", holder);
    }

    /** The holder of an unexpired lease at {@code now}. */
    public Optional<String> holder(Instant now) {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(
                "select run_id from " + table + " where id = 1 and run_id is not null and lease_until >= ?")) {
            s.setObject(1, utc(now));
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read the lease of " + table + ": " + e.getMessage(), e);
        }
    }

    private int update(String what, String sql, Object... parameters) {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                s.setObject(i + 1, parameters[i]);
            }
            return s.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot " + what + ": " + e.getMessage(), e);
        }
    }

    private static Object utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
