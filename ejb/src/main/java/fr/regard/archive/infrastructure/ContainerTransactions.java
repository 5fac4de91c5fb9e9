package fr.regard.archive.infrastructure;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;

/**
 * The purge's transactions on the server: each unit of work in a new JTA transaction on the application's datasource,
 * the caller's (a job's) suspended meanwhile. The journal joins it ({@code Journal.record} is MANDATORY).
 */
@ApplicationScoped
public class ContainerTransactions implements SqlTransactions {

    @Resource(lookup = "java:jboss/datasources/RegardDS")
    DataSource dataSource;

    @Override
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public <T> T inNewTransaction(Work<T> work) {
        try (Connection c = dataSource.getConnection()) {
            return work.apply(c);
        } catch (SQLException e) {
            throw new IllegalStateException("Purge: database error (" + e.getSQLState() + "): " + e.getMessage(), e);
        }
    }
}
