package fr.regard.archive.infrastructure;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * Runs a unit of JDBC work in a transaction of its own, committed when the work returns and rolled back when it
 * throws. The purge protocol needs exactly this and nothing of the container, so that the same code runs on the
 * server ({@code ContainerTransactions}: a new JTA transaction on the application's datasource, in which the journal
 * joins) and in a plain JVM (tests, the kill -9 harness, the benchmark).
 */
public interface SqlTransactions {

    /** A unit of work on the transaction's connection. */
    @FunctionalInterface
    interface Work<T> {
        T apply(Connection connection) throws SQLException;
    }

    <T> T inNewTransaction(Work<T> work);
}
