package fr.regard.archive.infrastructure;

import fr.regard.archive.domain.SegmentRef;
import fr.regard.journal.infrastructure.JdbcJournal;
import fr.regard.journal.format.InMemoryLeafHashes;
import fr.regard.journal.format.MerkleTree;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;

/**
 * A real purge setting for tests: an H2 database migrated by the application's own migrations, a real
 * {@link FilesystemRecordingArchive} in a folder, cameras, segment files with their index rows (SHA-256 of the bytes,
 * as the ingest takes it) and holds.
 */
final class PurgeFixture {

    static final HexFormat HEX = HexFormat.of();

    final String url;
    final JdbcDataSource dataSource;
    final Path root;
    final FilesystemRecordingArchive archive;
    private final Random random = new Random(42);
    private long holdIds;

    private PurgeFixture(String url, Path root) {
        this.url = url;
        this.root = root;
        this.dataSource = dataSource(url);
        this.archive = new FilesystemRecordingArchive(root, entry -> { });
    }

    /** An H2 database in memory (one test) or in files under {@code folder} (shared with a child JVM). */
    static PurgeFixture create(Path folder, boolean inFiles) throws IOException {
        // WRITE_DELAY=0 as on the server: H2 otherwise keeps up to 500 ms of committed transactions in memory only
        String url = inFiles ? "jdbc:h2:file:" + folder.resolve("db/purge").toAbsolutePath() + ";WRITE_DELAY=0"
                : "jdbc:h2:mem:purge-" + System.nanoTime() + ";DB_CLOSE_DELAY=-1";
        Path root = Files.createDirectories(folder.resolve("archive"));
        migrate(url);
        return new PurgeFixture(url, root);
    }

    static JdbcDataSource dataSource(String url) {
        JdbcDataSource ds = new JdbcDataSource();
        ds.setURL(url);
        ds.setUser("sa");
        ds.setPassword("");
        return ds;
    }

    static void migrate(String url) {
        Flyway.configure().dataSource(url, "sa", "").locations("classpath:db/migration/common")
                .table("regard_schema_history").load().migrate();
    }

    static PurgeJournal plainJournal(Clock clock) {
        return (c, event) -> {
            try {
                JdbcJournal.insert(c, event, clock.instant());
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        };
    }

    PurgeProtocol protocol(Clock clock, PurgeSettings settings) {
        return new PurgeProtocol(new PlainTransactions(dataSource), archive, plainJournal(clock), clock, settings);
    }

    static PurgeSettings settings(int chunk) {
        return new PurgeSettings(chunk, Duration.ofMinutes(15), Duration.ofMinutes(5), Duration.ZERO);
    }

    void cameras(int count, int retentionDays) throws SQLException {
        for (int i = 1; i <= count; i++) {
            camera("LIL-%03d".formatted(i), retentionDays);
        }
    }

    void camera(String id, int retentionDays) throws SQLException {
        update("insert into camera (id, name, address, zone_name, latitude, longitude, authorisation_reference, "
                + "authorisation_expiry, retention_days) values (?, ?, 'Place du Théâtre', 'Centre', 50.637, 3.064, "
                + "'AP-2024-VP-0117', date '2030-12-31', ?)", id, "Caméra " + id, retentionDays);
    }

    /** Writes a segment file (an MP4 {@code ftyp} box then random bytes) and indexes it; returns its row id. */
    long segment(String camera, Instant start, int seconds) throws SQLException {
        return segments(List.of(new Planned(camera, start, seconds))).get(0);
    }

    record Planned(String camera, Instant start, int seconds) {
    }

    /** Many segments at once (one transaction); ids in the given order. */
    List<Long> segments(List<Planned> planned) throws SQLException {
        List<Long> ids = new ArrayList<>();
        try (Connection c = dataSource.getConnection();
             PreparedStatement insert = c.prepareStatement("insert into footage_segment (camera_id, start_at, end_at, "
                     + "size_bytes, sha256, location, indexed_at) values (?, ?, ?, ?, ?, ?, ?)", new String[] {"id"})) {
            c.setAutoCommit(false);
            for (Planned p : planned) {
                String location = FilesystemRecordingArchive.locationOf(p.camera(), p.start(),
                        Duration.ofSeconds(p.seconds()));
                byte[] bytes = mp4Bytes(40 + random.nextInt(200));
                Path file = root.resolve(location);
                try {
                    Files.createDirectories(file.getParent());
                    Files.write(file, bytes);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
                insert.setString(1, p.camera());
                insert.setObject(2, p.start().atOffset(ZoneOffset.UTC));
                insert.setObject(3, p.start().plusSeconds(p.seconds()).atOffset(ZoneOffset.UTC));
                insert.setLong(4, bytes.length);
                insert.setString(5, sha256(bytes));
                insert.setString(6, location);
                insert.setObject(7, OffsetDateTime.now(ZoneOffset.UTC));
                insert.executeUpdate();
                try (ResultSet keys = insert.getGeneratedKeys()) {
                    keys.next();
                    ids.add(keys.getLong(1));
                }
            }
            c.commit();
        }
        return ids;
    }

    /** An active judicial hold on one camera over {@code [from, to)}. */
    long hold(String camera, Instant from, Instant to) throws SQLException {
        long id = ++holdIds;
        update("insert into footage_hold (id, placement_id, kind, requisition_reference, camera_id, window_start, "
                + "window_end, reason, placed_at, placed_by, limit_at) values (?, ?, 'JUDICIAL', 'PV 2026/123', ?, ?, ?, "
                + "'Réquisition judiciaire', ?, 'dpo1', ?)", id, id, camera, at(from), at(to), at(Instant.now()),
                at(Instant.now().plus(Duration.ofDays(30))));
        return id;
    }

    void releaseHold(long id) throws SQLException {
        update("update footage_hold set released_at = ?, released_by = 'dpo1', release_reason = 'Fin' where id = ?",
                at(Instant.now()), id);
    }

    /** One segment row as the test reads it back. */
    record SegmentRow(long id, String camera, Instant start, Instant end, long size, String sha256, String location,
                      String state, Long batchId) {
        SegmentRef ref() {
            return new SegmentRef(camera, start, end, size, location);
        }
    }

    Map<Long, SegmentRow> rows() throws SQLException {
        Map<Long, SegmentRow> rows = new LinkedHashMap<>();
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("select id, camera_id, start_at, end_at, size_bytes, sha256, location, "
                     + "state, purge_batch_id from footage_segment order by id")) {
            while (rs.next()) {
                long batch = rs.getLong(9);
                Long batchId = rs.wasNull() ? null : batch;
                rows.put(rs.getLong(1), new SegmentRow(rs.getLong(1), rs.getString(2), Sql.instant(rs, 3),
                        Sql.instant(rs, 4), rs.getLong(5), rs.getString(6), rs.getString(7), rs.getString(8),
                        batchId));
            }
        }
        return rows;
    }

    boolean fileExists(SegmentRow row) {
        return Files.exists(root.resolve(row.location()));
    }

    long filesOnDisk() {
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(Files::isRegularFile).count();
        } catch (IOException | UncheckedIOException e) {
            // a file or day folder removed while walking (the purge runs): count again
            return filesOnDisk();
        }
    }

    /** Rows of a query, each as a list of column values. */
    List<List<Object>> query(String sql, Object... parameters) throws SQLException {
        List<List<Object>> rows = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                s.setObject(i + 1, parameters[i]);
            }
            try (ResultSet rs = s.executeQuery()) {
                int columns = rs.getMetaData().getColumnCount();
                while (rs.next()) {
                    List<Object> row = new ArrayList<>();
                    for (int i = 1; i <= columns; i++) {
                        row.add(rs.getObject(i));
                    }
                    rows.add(row);
                }
            }
        }
        return rows;
    }

    Object single(String sql, Object... parameters) throws SQLException {
        return query(sql, parameters).get(0).get(0);
    }

    void update(String sql, Object... parameters) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                s.setObject(i + 1, parameters[i]);
            }
            s.executeUpdate();
        }
    }

    /**
     * The Merkle root of a batch recomputed the auditor's way, independently of the production code: the batch's
     * destroyed rows sorted by camera then start, each leaf entry the UTF-8 text
     * {@code camera\nstart\nend\nsize\nsha256}, RFC 6962 tree of the journal-format module.
     */
    String auditorRoot(long batchId) throws SQLException {
        List<SegmentRow> destroyed = rows().values().stream()
                .filter(r -> "DESTROYED".equals(r.state()) && Long.valueOf(batchId).equals(r.batchId()))
                .sorted((a, b) -> a.camera().equals(b.camera()) ? a.start().compareTo(b.start())
                        : a.camera().compareTo(b.camera()))
                .toList();
        List<byte[]> entries = destroyed.stream().map(r -> (r.camera() + "\n" + r.start() + "\n" + r.end() + "\n"
                + r.size() + "\n" + r.sha256()).getBytes(StandardCharsets.UTF_8)).toList();
        return HEX.formatHex(new MerkleTree(InMemoryLeafHashes.ofEntries(entries)).rootHash());
    }

    private static byte[] mp4Bytes(int length) {
        byte[] bytes = new byte[length];
        new Random(length * 31L + System.nanoTime()).nextBytes(bytes);
        bytes[0] = 0;
        bytes[1] = 0;
        bytes[2] = 0;
        bytes[3] = 24;
        System.arraycopy("ftyp".getBytes(StandardCharsets.US_ASCII), 0, bytes, 4, 4);
        return bytes;
    }

    static String sha256(byte[] bytes) {
        try {
            return HEX.formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static OffsetDateTime at(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
