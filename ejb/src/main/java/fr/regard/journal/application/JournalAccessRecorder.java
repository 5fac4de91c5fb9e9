package fr.regard.journal.application;

import fr.regard.journal.domain.Journal;
import fr.regard.journal.domain.JournalEvent;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;

/** Journals reads of the journal itself (exports, integrity checks), each in its own short transaction. */
@Stateless
public class JournalAccessRecorder {

    @Inject
    Journal journal;

    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void record(JournalEvent event) {
        journal.record(event);
    }
}
