package fr.regard.journal.infrastructure;

import fr.regard.journal.format.LeafHashes;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.LongSupplier;
import javax.sql.DataSource;

/**
 * The journal's published leaf hashes (entries covered by the newest signed checkpoint), read by blocks of 1,024;
 * full blocks are cached since entries are append-only. Feeds the long-lived Merkle tree that computes proofs.
 */
final class DbLeafHashes implements LeafHashes {

    private static final int BLOCK = 1024;
    private static final int CACHED_BLOCKS = 256;

    private final DataSource dataSource;
    private final LongSupplier size;
    private final Map<Long, byte[][]> blocks = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Long, byte[][]> eldest) {
            return size() > CACHED_BLOCKS;
        }
    };

    DbLeafHashes(DataSource dataSource, LongSupplier size) {
        this.dataSource = dataSource;
        this.size = size;
    }

    @Override
    public long size() {
        return size.getAsLong();
    }

    @Override
    public synchronized byte[] leafHash(long index) {
        if (index < 0) {
            throw new IndexOutOfBoundsException("No leaf " + index);
        }
        long block = index / BLOCK;
        byte[][] hashes = blocks.get(block);
        if (hashes == null) {
            hashes = load(block, (block + 1) * BLOCK);
            if (hashes.length == BLOCK) {
                blocks.put(block, hashes);
            }
        }
        if (index % BLOCK >= hashes.length) {
            throw new IndexOutOfBoundsException("No leaf " + index + " published yet");
        }
        return hashes[(int) (index % BLOCK)].clone();
    }

    private byte[][] load(long block, long blockEnd) {
        long from = block * BLOCK;
        int count = (int) Math.max(0, Math.min(blockEnd, size.getAsLong()) - from);
        byte[][] hashes = new byte[count][];
        try (Connection c = dataSource.getConnection();
             PreparedStatement select = c.prepareStatement(
                     "select seq, leaf_hash from journal_entry where seq >= ? and seq < ? order by seq")) {
            select.setLong(1, from);
            select.setLong(2, from + count);
            try (ResultSet rs = select.executeQuery()) {
                int i = 0;
                while (rs.next()) {
                    if (rs.getLong(1) != from + i) {
                        throw new JournalIntegrityAlarm("Journal entry " + (from + i) + " is missing");
                    }
                    hashes[i++] = HexFormat.of().parseHex(rs.getString(2));
                }
                if (i != count) {
                    throw new JournalIntegrityAlarm("Journal entries " + (from + i) + " to " + (from + count - 1) + " are missing");
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read journal leaf hashes", e);
        }
        return hashes;
    }
}
