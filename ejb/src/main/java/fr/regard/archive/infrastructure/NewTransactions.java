package fr.regard.archive.infrastructure;

import fr.regard.archive.application.SegmentIngest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

/** The container's transactions for the ingest: each batch commits on its own, with its journal event. */
@ApplicationScoped
public class NewTransactions implements SegmentIngest.Transactions {

    @Override
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void inNewTransaction(Runnable work) {
        work.run();
    }
}
