package fr.regard.correspondence.infrastructure;

import fr.regard.correspondence.domain.Correspondence;
import fr.regard.correspondence.domain.Letter;
import fr.regard.correspondence.domain.LetterRequest;
import fr.regard.correspondence.domain.LetterStatus;
import fr.regard.journal.domain.Journal;
import fr.regard.journal.domain.JournalActions;
import fr.regard.journal.domain.JournalEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObjectBuilder;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * The default {@link Correspondence} until the documents and mail capabilities are installed: it <em>registers</em>
 * each letter the lifecycle asks for, with status "à émettre" and a note saying why it was not sent, and journals
 * that it is due. It never renders, signs or sends anything, and never reports a letter as sent: the DPO sees in the
 * case and the requester in their tracking view which letters are still to issue.
 */
@ApplicationScoped
public class DeferredCorrespondence implements Correspondence {

    static final String NOT_SENT = "Non envoyée : la production des documents et l'envoi du courrier ne sont pas "
            + "encore installés dans Regard. Le DPO l'émet par ses propres moyens.";

    @PersistenceContext(unitName = "regard")
    EntityManager em;

    @Inject
    Journal journal;

    Clock clock = Clock.systemUTC();

    @Override
    @Transactional(Transactional.TxType.MANDATORY)
    public Letter issue(LetterRequest request) {
        JsonObjectBuilder particulars = Json.createObjectBuilder();
        request.particulars().forEach(particulars::add);
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        LetterRecord row = new LetterRecord(request.caseId(), request.caseReference(), request.type(),
                LetterStatus.TO_ISSUE, NOT_SENT, particulars.build().toString(), now);
        em.persist(row);
        journal.record(JournalEvent.onCase("system", "system", JournalActions.LETTER_TO_ISSUE, request.caseReference())
                .withPurpose("Correspondance avec le demandeur")
                .withDetail("letterType", request.type().name())
                .withDetail("status", LetterStatus.TO_ISSUE.name()));
        return row.toLetter();
    }

    @Override
    public List<Letter> lettersOf(String caseReference) {
        return em.createQuery("select l from LetterRecord l where l.caseReference = :reference order by l.id",
                        LetterRecord.class)
                .setParameter("reference", caseReference)
                .getResultStream().map(LetterRecord::toLetter).toList();
    }
}
