package fr.regard.journal.infrastructure;

import fr.regard.journal.format.AuditSource;
import fr.regard.journal.format.CheckpointEvidence;
import fr.regard.journal.format.CompactRange;
import fr.regard.journal.format.ConsistencyProof;
import fr.regard.journal.format.EntryCursor;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.OptionalLong;
import javax.sql.DataSource;

/**
 * The whole journal as stored in the database, for the server's own integrity check: every sequenced row in
 * {@code seq} order (its canonical bytes and stored leaf hash, exactly as kept), every signed checkpoint with its
 * time-stamp, from the empty tree. The same {@code JournalAudit} that auditors run offline then checks it.
 */
public final class DbAuditSource implements AuditSource {

    private final DataSource dataSource;
    private final String origin;
    private final long lastSeq;
    private final long stateSize;
    private final List<CheckpointEvidence> checkpoints;

    public DbAuditSource(DataSource dataSource, String origin) {
        this.dataSource = dataSource;
        this.origin = origin;
        // One snapshot for the last sequence, the state and the checkpoints: the integrator keeps sequencing while the
        // check runs, and reads at different moments would show a newer state or checkpoint than the entries read.
        // Outside a JTA transaction, a local REPEATABLE READ transaction gives that snapshot; inside one (a probe in a
        // rolled-back transaction), its own isolation applies. The entries are then read up to lastSeq only.
        try (Connection c = dataSource.getConnection()) {
            boolean ownTransaction = c.getAutoCommit();
            int isolation = c.getTransactionIsolation();
            if (ownTransaction) {
                c.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
                c.setAutoCommit(false);
            }
            try {
                this.lastSeq = single(c, "select coalesce(max(seq), -1) from journal_entry");
                this.stateSize = single(c, "select tree_size from journal_state where id = 1");
                this.checkpoints = checkpoints(c);
            } finally {
                if (ownTransaction) {
                    c.rollback();
                    c.setAutoCommit(true);
                    c.setTransactionIsolation(isolation);
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read the journal for its integrity check", e);
        }
    }

    @Override
    public String origin() {
        return origin;
    }

    @Override
    public long firstSeq() {
        return 0;
    }

    @Override
    public OptionalLong lastSeq() {
        return OptionalLong.of(lastSeq);
    }

    @Override
    public CompactRange prefix() {
        return CompactRange.EMPTY;
    }

    @Override
    public EntryCursor entries() throws IOException {
        try {
            return new RowCursor(dataSource.getConnection(), lastSeq);
        } catch (SQLException e) {
            throw new IOException("Cannot read the journal entries", e);
        }
    }

    @Override
    public List<CheckpointEvidence> checkpoints() {
        return checkpoints;
    }

    @Override
    public List<ConsistencyProof> consistencyProofs() {
        return List.of();
    }

    @Override
    public OptionalLong treeSizeAtExport() {
        return OptionalLong.of(stateSize);
    }

    private static long single(Connection c, String sql) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(sql); ResultSet rs = s.executeQuery()) {
            return rs.next() ? rs.getLong(1) : 0;
        }
    }

    public static List<CheckpointEvidence> checkpoints(Connection c) throws SQLException {
        List<CheckpointEvidence> result = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement(
                "select note, timestamp_token from journal_checkpoint order by tree_size");
             ResultSet rs = s.executeQuery()) {
            while (rs.next()) {
                String token = rs.getString(2);
                result.add(token == null ? CheckpointEvidence.of(rs.getString(1))
                        : CheckpointEvidence.of(rs.getString(1), Base64.getDecoder().decode(token)));
            }
        }
        return result;
    }

    /** Streams rows with a server-side cursor (PostgreSQL needs a transaction-less connection in manual commit). */
    private static final class RowCursor implements EntryCursor {

        private final Connection connection;
        private final boolean ownTransaction;
        private final PreparedStatement statement;
        private final ResultSet rows;
        private byte[] entry;
        private byte[] leaf;

        /**
         * {@code lastSeq}: the last sequence read with the checkpoints; entries sequenced while the check runs are
         * left for the next check (they are not "beyond the announced sequence": the journal kept growing).
         */
        RowCursor(Connection connection, long lastSeq) throws SQLException {
            this.connection = connection;
            // Outside a JTA transaction, open a local one so PostgreSQL streams with a cursor; inside one (the
            // connection is then already in manual commit), read within it.
            ownTransaction = connection.getAutoCommit();
            if (ownTransaction) {
                connection.setAutoCommit(false);
            }
            statement = connection.prepareStatement(
                    "select canonical, leaf_hash from journal_entry where seq is not null and seq <= ? order by seq");
            statement.setLong(1, lastSeq);
            statement.setFetchSize(2000);
            rows = statement.executeQuery();
        }

        @Override
        public boolean next() throws IOException {
            try {
                if (!rows.next()) {
                    return false;
                }
                String canonical = rows.getString(1);
                entry = canonical == null ? null : canonical.getBytes(StandardCharsets.UTF_8);
                String hex = rows.getString(2);
                try {
                    leaf = hex == null ? null : HexFormat.of().parseHex(hex);
                } catch (IllegalArgumentException e) {
                    leaf = null;
                }
                return true;
            } catch (SQLException e) {
                throw new IOException("Cannot read the journal entries", e);
            }
        }

        @Override
        public byte[] entry() {
            return entry;
        }

        @Override
        public int entryLength() {
            return entry == null ? 0 : entry.length;
        }

        @Override
        public byte[] storedLeafHash() {
            return leaf;
        }

        @Override
        public void close() throws IOException {
            try (connection; statement; rows) {
                if (ownTransaction) {
                    connection.rollback();
                    connection.setAutoCommit(true);
                }
            } catch (SQLException e) {
                throw new IOException("Cannot close the journal reader", e);
            }
        }
    }
}
