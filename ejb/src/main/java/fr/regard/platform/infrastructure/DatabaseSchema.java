package fr.regard.platform.infrastructure;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionManagement;
import jakarta.ejb.TransactionManagementType;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Locale;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;

/**
 * Brings Regard's own schema up to date with Flyway before anything else touches the database.
 *
 * <p>Migrations live in {@code db/migration/common} (portable SQL that H2 and PostgreSQL both accept) and
 * {@code db/migration/{vendor}} (vendor-only statements such as PostgreSQL grants). Hibernate never
 * generates DDL. Camunda's tables are the engine's own business: it creates and upgrades them itself
 * (see {@code ProcessEngineBootstrap}). Bean-managed transactions: Flyway commits each migration itself.
 */
@Singleton
@Startup
@TransactionManagement(TransactionManagementType.BEAN)
public class DatabaseSchema {

    private static final Logger LOG = Logger.getLogger(DatabaseSchema.class.getName());

    @Resource(lookup = "java:jboss/datasources/RegardDS")
    DataSource dataSource;

    private volatile String version = "none";

    @PostConstruct
    void migrate() {
        MigrateResult result = Flyway.configure(DatabaseSchema.class.getClassLoader())
                .dataSource(dataSource)
                .locations("classpath:db/migration/common", "classpath:db/migration/" + vendor())
                .table("regard_schema_history")
                .failOnMissingLocations(false)
                .validateMigrationNaming(true)
                .load()
                .migrate();
        version = result.targetSchemaVersion != null ? result.targetSchemaVersion : result.initialSchemaVersion;
        LOG.info(() -> "Regard schema at version " + version + " (" + result.migrationsExecuted
                + " migration(s) applied, database " + result.database + ")");
    }

    /** Folder of vendor-only migrations: {@code postgresql} or {@code h2}. */
    private String vendor() {
        try (Connection connection = dataSource.getConnection()) {
            String product = connection.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT);
            return product.contains("postgres") ? "postgresql" : product.contains("h2") ? "h2" : product;
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot reach the database to migrate it", e);
        }
    }

    public String version() {
        return version;
    }
}
