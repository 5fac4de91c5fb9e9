package fr.regard.archive.infrastructure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.regard.archive.domain.FootageHold;
import fr.regard.archive.domain.HoldKind;
import fr.regard.archive.domain.HoldPlacement;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.UUID;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The purge's hold condition ({@link HeldSegments}) on a real in-memory H2 migrated by the application's own
 * migrations: it keeps exactly the segments that {@link FootageHold#covers} keeps. A stand-in segment table is
 * created here (the real {@code footage_segment} belongs to the segment index).
 */
class HeldSegmentsTest {

    static final Instant T0 = Instant.parse("2026-11-20T13:00:00Z");

    private Connection db;

    @BeforeEach
    void migrate() throws SQLException {
        String url = "jdbc:h2:mem:holds-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
        Flyway.configure().dataSource(url, "sa", "").locations("classpath:db/migration/common")
                .table("regard_schema_history").load().migrate();
        db = DriverManager.getConnection(url, "sa", "");
        try (Statement s = db.createStatement()) {
            s.execute("create table test_segment (id bigint primary key, camera_id varchar(16) not null, "
                    + "start_at timestamp with time zone not null, end_at timestamp with time zone not null)");
        }
    }

    @AfterEach
    void close() throws SQLException {
        db.close();
    }

    @Test
    @DisplayName("the SQL condition and the entity agree on every one-minute segment of two cameras over four hours")
    void sqlAgreesWithTheRule() throws SQLException {
        List<FootageHold> holds = new ArrayList<>();
        holds.addAll(insert(1, HoldKind.CASE, T0, T0.plusSeconds(3600), List.of("LIL-001", "LIL-002")));
        holds.addAll(insert(2, HoldKind.JUDICIAL, T0.plusSeconds(5400), T0.plusSeconds(5430), List.of("LIL-002")));
        List<FootageHold> released = insert(3, HoldKind.JUDICIAL, T0.plusSeconds(7200), T0.plusSeconds(10800),
                List.of("LIL-001"));
        released.forEach(h -> h.release(T0, "dpo1", "Fin de la réquisition"));
        try (Statement s = db.createStatement()) {
            s.executeUpdate("update footage_hold set released_at = current_timestamp, released_by = 'dpo1', "
                    + "release_reason = 'Fin de la réquisition' where placement_id = 3");
        }
        holds.addAll(released);

        long id = 0;
        TreeSet<Long> expectedKept = new TreeSet<>();
        for (String camera : List.of("LIL-001", "LIL-002", "LIL-003")) {
            for (int minute = -30; minute < 210; minute++) {
                Instant start = T0.plusSeconds(minute * 60L);
                Instant end = start.plusSeconds(60);
                segment(++id, camera, start, end);
                if (holds.stream().anyMatch(h -> h.covers(camera, start, end))) {
                    expectedKept.add(id);
                }
            }
        }
        assertThat(expectedKept).as("60 + 60 minutes of case hold, one minute of judicial hold").hasSize(121);

        TreeSet<Long> purgeable = ids("select s.id from test_segment s where " + HeldSegments.notHeld("s"));
        TreeSet<Long> all = ids("select s.id from test_segment s");
        TreeSet<Long> kept = new TreeSet<>(all);
        kept.removeAll(purgeable);
        assertThat(kept).isEqualTo(expectedKept);
    }

    @Test
    @DisplayName("one segment's question: touching the window's edges is not held; a released hold holds nothing")
    void oneSegment() throws SQLException {
        insert(1, HoldKind.CASE, T0, T0.plusSeconds(3600), List.of("LIL-001"));
        assertThat(isHeld("LIL-001", T0.minusSeconds(60), T0)).isFalse();
        assertThat(isHeld("LIL-001", T0.minusSeconds(60), T0.plusSeconds(1))).isTrue();
        assertThat(isHeld("LIL-001", T0.plusSeconds(3599), T0.plusSeconds(3659))).isTrue();
        assertThat(isHeld("LIL-001", T0.plusSeconds(3600), T0.plusSeconds(3660))).isFalse();
        assertThat(isHeld("LIL-002", T0, T0.plusSeconds(60))).isFalse();
        try (Statement s = db.createStatement()) {
            s.executeUpdate("update footage_hold set released_at = current_timestamp, released_by = 'system', "
                    + "release_reason = 'Dossier clôturé'");
        }
        assertThat(isHeld("LIL-001", T0, T0.plusSeconds(60))).isFalse();
    }

    @Test
    @DisplayName("the table refuses a hold without reason, a judicial hold without requisition, a half release")
    void constraints() {
        assertThatThrownBy(() -> row(9, "CASE", null, "PV-1", "LIL-001", "x")).isInstanceOf(SQLException.class);
        assertThatThrownBy(() -> row(9, "JUDICIAL", null, null, "LIL-001", "Enquête")).isInstanceOf(SQLException.class);
        assertThatThrownBy(() -> row(9, "JUDICIAL", null, "PV-1", "LIL-001", null)).isInstanceOf(SQLException.class);
        assertThatThrownBy(() -> {
            row(9, "JUDICIAL", null, "PV-1", "LIL-001", "Enquête");
            try (Statement s = db.createStatement()) {
                s.executeUpdate("update footage_hold set released_at = current_timestamp where placement_id = 9");
            }
        }).isInstanceOf(SQLException.class);
    }

    @Test
    @DisplayName("only a plain alias is accepted in the condition")
    void alias() {
        assertThat(HeldSegments.notHeld("seg")).contains("seg.camera_id", "seg.end_at", "seg.start_at");
        assertThatIllegalArgumentException().isThrownBy(() -> HeldSegments.notHeld("s; drop table x"));
    }

    private List<FootageHold> insert(long placement, HoldKind kind, Instant start, Instant end, List<String> cameras)
            throws SQLException {
        HoldPlacement p;
        if (kind == HoldKind.CASE) {
            // a case hold needs a case row (foreign key)
            try (Statement s = db.createStatement()) {
                s.executeUpdate(caseRow(placement));
            }
            p = new HoldPlacement(kind, placement, "DA-2026-00000" + placement, null, start, end, "Motif", T0, "system",
                    T0.plusSeconds(86400));
        } else {
            p = new HoldPlacement(kind, null, null, "PV-" + placement, start, end, "Motif", T0, "dpo1",
                    T0.plusSeconds(86400));
        }
        List<FootageHold> rows = p.rows(placement, cameras);
        try (PreparedStatement insert = db.prepareStatement("insert into footage_hold (id, placement_id, kind, "
                + "case_id, case_reference, requisition_reference, camera_id, window_start, window_end, reason, "
                + "placed_at, placed_by, limit_at) values (next value for footage_hold_seq, ?, ?, ?, ?, ?, ?, ?, ?, ?, "
                + "?, ?, ?)")) {
            for (FootageHold h : rows) {
                insert.setLong(1, h.placementId());
                insert.setString(2, h.kind().name());
                insert.setObject(3, h.caseId());
                insert.setString(4, h.caseReference());
                insert.setString(5, h.requisitionReference());
                insert.setString(6, h.cameraId());
                insert.setObject(7, h.windowStart().atOffset(ZoneOffset.UTC));
                insert.setObject(8, h.windowEnd().atOffset(ZoneOffset.UTC));
                insert.setString(9, h.reason());
                insert.setObject(10, h.placedAt().atOffset(ZoneOffset.UTC));
                insert.setString(11, h.placedBy());
                insert.setObject(12, h.limitAt().atOffset(ZoneOffset.UTC));
                insert.executeUpdate();
            }
        }
        return rows;
    }

    private String caseRow(long id) throws SQLException {
        // the minimal columns of V1 that are not nullable, read from the schema so the test follows the migrations
        List<String> columns = new ArrayList<>();
        List<String> values = new ArrayList<>();
        try (ResultSet rs = db.getMetaData().getColumns(null, null, "ACCESS_CASE", null)) {
            while (rs.next()) {
                if (rs.getInt("NULLABLE") == java.sql.DatabaseMetaData.columnNoNulls && rs.getString("COLUMN_DEF") == null) {
                    String name = rs.getString("COLUMN_NAME");
                    columns.add(name);
                    values.add(switch (name) {
                        case "ID" -> String.valueOf(id);
                        case "REFERENCE" -> "'DA-2026-00000" + id + "'";
                        case "TRACKING_TOKEN_HASH" -> "'" + "0".repeat(63) + id + "'";
                        default -> literal(rs.getInt("DATA_TYPE"));
                    });
                }
            }
        }
        return "insert into access_case (" + String.join(", ", columns) + ") values (" + String.join(", ", values) + ")";
    }

    private static String literal(int sqlType) {
        return switch (sqlType) {
            case java.sql.Types.TIMESTAMP_WITH_TIMEZONE, java.sql.Types.TIMESTAMP -> "current_timestamp";
            case java.sql.Types.BOOLEAN -> "false";
            case java.sql.Types.INTEGER, java.sql.Types.BIGINT, java.sql.Types.SMALLINT -> "0";
            default -> "'X'";
        };
    }

    private void row(long placement, String kind, String caseRef, String requisition, String camera, String reason)
            throws SQLException {
        try (Statement s = db.createStatement()) {
            s.executeUpdate("insert into footage_hold (id, placement_id, kind, case_reference, requisition_reference, "
                    + "camera_id, window_start, window_end, reason, placed_at, placed_by, limit_at) values ("
                    + "next value for footage_hold_seq, " + placement + ", '" + kind + "', " + quote(caseRef) + ", "
                    + quote(requisition) + ", '" + camera + "', current_timestamp, dateadd('HOUR', 1, current_timestamp), "
                    + quote(reason) + ", current_timestamp, 'dpo1', current_timestamp)");
        }
    }

    private static String quote(String value) {
        return value == null ? "null" : "'" + value + "'";
    }

    private void segment(long id, String camera, Instant start, Instant end) throws SQLException {
        try (PreparedStatement insert = db.prepareStatement("insert into test_segment values (?, ?, ?, ?)")) {
            insert.setLong(1, id);
            insert.setString(2, camera);
            insert.setObject(3, start.atOffset(ZoneOffset.UTC));
            insert.setObject(4, end.atOffset(ZoneOffset.UTC));
            insert.executeUpdate();
        }
    }

    private boolean isHeld(String camera, Instant start, Instant end) throws SQLException {
        try (PreparedStatement q = db.prepareStatement(HeldSegments.COUNT_ACTIVE_OVERLAPS.replaceAll("\\?\\d", "?"))) {
            q.setString(1, camera);
            q.setObject(2, end.atOffset(ZoneOffset.UTC));
            q.setObject(3, start.atOffset(ZoneOffset.UTC));
            try (ResultSet rs = q.executeQuery()) {
                rs.next();
                return rs.getLong(1) > 0;
            }
        }
    }

    private TreeSet<Long> ids(String sql) throws SQLException {
        TreeSet<Long> ids = new TreeSet<>();
        try (Statement s = db.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                ids.add(rs.getLong(1));
            }
        }
        return ids;
    }
}
