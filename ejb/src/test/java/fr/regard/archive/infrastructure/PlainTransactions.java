package fr.regard.archive.infrastructure;

import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;

/** {@link SqlTransactions} on a plain datasource (no container): read committed, commit or roll back. */
final class PlainTransactions implements SqlTransactions {

    private final DataSource dataSource;

    PlainTransactions(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Override
    public <T> T inNewTransaction(Work<T> work) {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            c.setTransactionIsolation(Connection.TRANSACTION_READ_COMMITTED);
            try {
                T result = work.apply(c);
                c.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e instanceof RuntimeException r ? r : new IllegalStateException(e.getMessage(), e);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }
}
