package fr.regard.archive.infrastructure;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;

/** A fresh in-memory H2 database migrated with Regard's own migrations, with a few registered cameras. */
public final class IndexDatabase {

    private IndexDatabase() {
    }

    public static DataSource fresh(String... cameraIds) throws SQLException {
        JdbcDataSource dataSource = new JdbcDataSource();
        dataSource.setURL("jdbc:h2:mem:index-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        dataSource.setUser("sa");
        Flyway.configure(IndexDatabase.class.getClassLoader()).dataSource(dataSource)
                .locations("classpath:db/migration/common", "classpath:db/migration/h2")
                .table("regard_schema_history").failOnMissingLocations(false).load().migrate();
        try (Connection c = dataSource.getConnection(); PreparedStatement insert = c.prepareStatement(
                "insert into camera (id, name, address, zone_name, latitude, longitude, authorisation_reference, "
                        + "authorisation_expiry, retention_days) values (?, ?, '1 place du Test, 59000 Lille', 'Centre', "
                        + "50.63, 3.06, 'AP-2026-VP-0001', date '2030-01-01', 14)")) {
            for (String id : cameraIds) {
                insert.setString(1, id);
                insert.setString(2, "Caméra " + id);
                insert.executeUpdate();
            }
        }
        return dataSource;
    }

    /** Every row of one column of a query, as text. */
    public static List<String> column(DataSource dataSource, String sql) throws SQLException {
        List<String> values = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql);
             ResultSet rs = s.executeQuery()) {
            while (rs.next()) {
                values.add(rs.getString(1));
            }
        }
        return values;
    }
}
