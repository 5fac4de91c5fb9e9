package fr.regard.journal.infrastructure;

import fr.regard.journal.domain.Journal;
import javax.sql.DataSource;

/** The real JDBC journal on a test database (outside the server, where the container would inject its data source). */
public final class JdbcJournals {

    private JdbcJournals() {
    }

    public static Journal on(DataSource dataSource) {
        JdbcJournal journal = new JdbcJournal();
        journal.dataSource = dataSource;
        return journal;
    }
}
