package fr.regard.archive.infrastructure;

import fr.regard.journal.domain.JournalEvent;
import java.sql.Connection;

/**
 * Where the purge writes its journal events, in the transaction of the change they record: on the server the
 * {@code Journal} (which joins the JTA transaction the connection belongs to); in a plain JVM an INSERT on the same
 * connection ({@code JdbcJournal.insert}).
 */
@FunctionalInterface
public interface PurgeJournal {

    void record(Connection transaction, JournalEvent event);
}
