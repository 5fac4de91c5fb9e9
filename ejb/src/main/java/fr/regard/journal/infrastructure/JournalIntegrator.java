package fr.regard.journal.infrastructure;

import fr.regard.documents.domain.TimestampAuthority;
import fr.regard.journal.format.Checkpoint;
import fr.regard.journal.format.CompactRange;
import fr.regard.journal.format.JournalEntry;
import fr.regard.journal.format.MerkleHash;
import jakarta.annotation.Resource;
import jakarta.ejb.Lock;
import jakarta.ejb.LockType;
import jakarta.ejb.Singleton;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * Sequences committed journal rows and publishes signed checkpoints — the journal's only writer of
 * {@code seq}. In one transaction it: locks the journal state row (so one node at a time integrates in a
 * cluster), checks that the stored tree state still matches the last signed checkpoint (the journal never signs
 * a checkpoint that is not an extension of the previous one), gives the pending rows the next gap-free numbers
 * in commit-visible order, stamps their sequencing time (never decreasing), stores each entry's canonical bytes
 * and RFC 6962 leaf hash, extends the compact range, and signs a C2SP checkpoint of the new tree. At most every
 * {@code regard.journal.timestamp-interval} the newest checkpoint also gets an RFC 3161 time-stamp.
 */
@Singleton
@Lock(LockType.WRITE)
public class JournalIntegrator {

    private static final Logger LOG = Logger.getLogger(JournalIntegrator.class.getName());
    private static final HexFormat HEX = HexFormat.of();

    @Resource(lookup = "java:jboss/datasources/RegardDS")
    DataSource dataSource;

    @Resource
    TransactionSynchronizationRegistry transactions;

    @Inject
    JournalKeys keys;

    @Inject
    JournalSettings settings;

    @Inject
    TimestampAuthority tsa;

    @Inject
    PublishedCheckpointFile publishedFile;

    Clock clock = Clock.systemUTC();

    /** A signed checkpoint as published. */
    public record Published(long treeSize, String note, boolean timestamped) {
    }

    /**
     * Sequences what is pending and signs a checkpoint if the tree grew (or if none exists yet). Returns the
     * newest checkpoint.
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public Published integrate() {
        try (Connection c = dataSource.getConnection()) {
            TreeState state = lockState(c);
            StoredCheckpoint last = newestCheckpoint(c);
            guard(state, last);

            List<Pending> pending = pending(c, settings.batchSize());
            CompactRange range = state.range();
            Instant lastSequenced = state.lastSequenced();
            if (!pending.isEmpty()) {
                try (PreparedStatement update = c.prepareStatement("update journal_entry set seq = ?, sequenced_at = ?, "
                        + "canonical = ?, leaf_hash = ? where id = ? and seq is null")) {
                    for (Pending p : pending) {
                        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
                        Instant sequencedAt = lastSequenced != null && lastSequenced.isAfter(now) ? lastSequenced : now;
                        JournalEntry entry = p.toEntry(range.size(), sequencedAt);
                        byte[] canonical = entry.canonicalBytes();
                        byte[] leaf = MerkleHash.leaf(canonical);
                        update.setLong(1, range.size());
                        update.setTimestamp(2, Timestamp.from(sequencedAt));
                        update.setString(3, new String(canonical, StandardCharsets.UTF_8));
                        update.setString(4, HEX.formatHex(leaf));
                        update.setLong(5, p.id());
                        update.addBatch();
                        range = range.append(leaf);
                        lastSequenced = sequencedAt;
                    }
                    int[] counts = update.executeBatch();
                    for (int count : counts) {
                        if (count == 0) {
                            throw new IllegalStateException("A journal row was sequenced concurrently; integration aborted");
                        }
                    }
                }
                saveState(c, range, lastSequenced);
            }
            StoredCheckpoint newest = last;
            if (last == null || range.size() > last.treeSize()) {
                newest = sign(c, range);
            }
            boolean timestamped = timestampIfDue(c, newest);
            publishAfterCommit(newest);
            return new Published(newest.treeSize(), newest.note(), timestamped || newest.timestamped());
        } catch (SQLException e) {
            throw new IllegalStateException("Journal integration failed", e);
        }
    }

    private void guard(TreeState state, StoredCheckpoint last) {
        if (!Arrays.equals(state.range().rootHash(), state.root())) {
            throw new JournalIntegrityAlarm("The stored compact range does not yield the stored root at size "
                    + state.range().size() + ": refusing to sign");
        }
        if (last != null && (last.treeSize() != state.range().size() || !Arrays.equals(last.root(), state.root()))) {
            throw new JournalIntegrityAlarm("The journal state (size " + state.range().size()
                    + ") does not match the last signed checkpoint (size " + last.treeSize() + "): refusing to sign");
        }
    }

    private StoredCheckpoint sign(Connection c, CompactRange range) throws SQLException {
        Checkpoint checkpoint = new Checkpoint(keys.origin(), range.size(), range.rootHash());
        String note = checkpoint.sign(keys.signer()).format();
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        try (PreparedStatement insert = c.prepareStatement(
                "insert into journal_checkpoint (tree_size, root_hash, note, signed_at) values (?, ?, ?, ?)")) {
            insert.setLong(1, range.size());
            insert.setString(2, HEX.formatHex(range.rootHash()));
            insert.setString(3, note);
            insert.setTimestamp(4, Timestamp.from(now));
            insert.executeUpdate();
        }
        return new StoredCheckpoint(range.size(), range.rootHash(), note, false, now);
    }

    private boolean timestampIfDue(Connection c, StoredCheckpoint newest) throws SQLException {
        if (newest.timestamped()) {
            return true;
        }
        Instant lastStamp = null;
        try (PreparedStatement select = c.prepareStatement("select max(timestamped_at) from journal_checkpoint");
             ResultSet rs = select.executeQuery()) {
            if (rs.next() && rs.getTimestamp(1) != null) {
                lastStamp = rs.getTimestamp(1).toInstant();
            }
        }
        Instant now = clock.instant();
        if (lastStamp != null && lastStamp.plus(settings.timestampInterval()).isAfter(now)) {
            return false;
        }
        byte[] token;
        try {
            token = tsa.timestamp(newest.note().getBytes(StandardCharsets.UTF_8));
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Time-stamping of journal checkpoint " + newest.treeSize() + " failed; will retry", e);
            return false;
        }
        try (PreparedStatement update = c.prepareStatement("update journal_checkpoint set timestamp_token = ?, "
                + "timestamped_at = ? where tree_size = ? and timestamp_token is null")) {
            update.setString(1, Base64.getEncoder().encodeToString(token));
            update.setTimestamp(2, Timestamp.from(now.truncatedTo(ChronoUnit.MICROS)));
            update.setLong(3, newest.treeSize());
            return update.executeUpdate() == 1;
        }
    }

    private void publishAfterCommit(StoredCheckpoint newest) {
        transactions.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
                // nothing: the file follows the database, never precedes it
            }

            @Override
            public void afterCompletion(int status) {
                if (status == Status.STATUS_COMMITTED) {
                    publishedFile.write(newest.treeSize(), newest.note());
                }
            }
        });
    }

    private static TreeState lockState(Connection c) throws SQLException {
        try (PreparedStatement select = c.prepareStatement(
                "select tree_size, root_hash, compact_range, last_sequenced from journal_state where id = 1 for update");
             ResultSet rs = select.executeQuery()) {
            if (!rs.next()) {
                throw new JournalIntegrityAlarm("The journal state row is missing");
            }
            long size = rs.getLong(1);
            byte[] root = HEX.parseHex(rs.getString(2));
            List<byte[]> hashes = new ArrayList<>();
            String stored = rs.getString(3);
            if (stored != null && !stored.isBlank()) {
                for (String hash : stored.split(",")) {
                    hashes.add(Base64.getDecoder().decode(hash));
                }
            }
            Timestamp last = rs.getTimestamp(4);
            CompactRange range;
            try {
                range = CompactRange.of(size, hashes);
            } catch (IllegalArgumentException e) {
                throw new JournalIntegrityAlarm("The stored compact range is malformed at size " + size);
            }
            return new TreeState(range, root, last == null ? null : last.toInstant());
        }
    }

    private static void saveState(Connection c, CompactRange range, Instant lastSequenced) throws SQLException {
        StringBuilder hashes = new StringBuilder();
        for (byte[] hash : range.hashes()) {
            if (hashes.length() > 0) {
                hashes.append(',');
            }
            hashes.append(Base64.getEncoder().encodeToString(hash));
        }
        try (PreparedStatement update = c.prepareStatement("update journal_state set tree_size = ?, root_hash = ?, "
                + "compact_range = ?, last_sequenced = ? where id = 1")) {
            update.setLong(1, range.size());
            update.setString(2, HEX.formatHex(range.rootHash()));
            update.setString(3, hashes.toString());
            update.setTimestamp(4, Timestamp.from(lastSequenced));
            update.executeUpdate();
        }
    }

    static StoredCheckpoint newestCheckpoint(Connection c) throws SQLException {
        try (PreparedStatement select = c.prepareStatement("select tree_size, root_hash, note, timestamp_token, signed_at "
                + "from journal_checkpoint where tree_size = (select max(tree_size) from journal_checkpoint)");
             ResultSet rs = select.executeQuery()) {
            if (!rs.next()) {
                return null;
            }
            return new StoredCheckpoint(rs.getLong(1), HEX.parseHex(rs.getString(2)), rs.getString(3),
                    rs.getString(4) != null, rs.getTimestamp(5).toInstant());
        }
    }

    private static List<Pending> pending(Connection c, int limit) throws SQLException {
        List<Pending> pending = new ArrayList<>();
        try (PreparedStatement select = c.prepareStatement("select id, recorded_at, actor, role, action, object_json, "
                + "purpose, details_json from journal_entry where seq is null order by id")) {
            select.setMaxRows(limit);
            select.setFetchSize(Math.min(limit, 1000));
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    pending.add(new Pending(rs.getLong(1), rs.getTimestamp(2).toInstant(), rs.getString(3),
                            rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8)));
                }
            }
        }
        return pending;
    }

    record TreeState(CompactRange range, byte[] root, Instant lastSequenced) {
    }

    record StoredCheckpoint(long treeSize, byte[] root, String note, boolean timestamped, Instant signedAt) {
    }

    record Pending(long id, Instant recordedAt, String actor, String role, String action, String objectJson,
                   String purpose, String detailsJson) {

        JournalEntry toEntry(long seq, Instant sequencedAt) {
            return JournalEntryFactory.entry(seq, recordedAt.truncatedTo(ChronoUnit.MICROS), sequencedAt, actor, role,
                    action, FlatJson.read(objectJson), purpose, FlatJson.read(detailsJson));
        }
    }
}
