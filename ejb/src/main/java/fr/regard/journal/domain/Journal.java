package fr.regard.journal.domain;

/**
 * The one append-only journal of Regard. {@link #record} must run inside the transaction of the change it
 * records: the entry exists if and only if the change was committed.
 */
public interface Journal {

    void record(JournalEvent event);
}
