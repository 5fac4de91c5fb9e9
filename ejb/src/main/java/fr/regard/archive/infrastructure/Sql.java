package fr.regard.archive.infrastructure;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;

/** The few JDBC habits of the archive's plain-SQL code, identical on H2 and PostgreSQL. */
final class Sql {

    /** SQLSTATE of a unique constraint violation, on both databases. */
    private static final String UNIQUE_VIOLATION = "23505";

    private Sql() {
    }

    /** An instant as a {@code timestamp with time zone} parameter. */
    static OffsetDateTime at(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }

    static Instant instant(ResultSet rs, int column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    /** Microseconds: what both databases keep, so what is read back equals what was written. */
    static Instant micros(Instant instant) {
        return instant.truncatedTo(ChronoUnit.MICROS);
    }

    /** {@code (?, ?, …)} for an IN list of {@code count} parameters. */
    static String placeholders(int count) {
        return "(" + "?, ".repeat(count - 1) + "?)";
    }

    /** Runs {@code sqlBeforeInList} followed by an IN list of the ids; returns the rows changed. */
    static int updateIds(Connection c, String sqlBeforeInList, List<Long> ids) throws SQLException {
        try (PreparedStatement update = c.prepareStatement(sqlBeforeInList + placeholders(ids.size()))) {
            for (int i = 0; i < ids.size(); i++) {
                update.setLong(1 + i, ids.get(i));
            }
            return update.executeUpdate();
        }
    }

    static boolean isUniqueViolation(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && UNIQUE_VIOLATION.equals(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }
}
