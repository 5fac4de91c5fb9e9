package fr.regard.cases.application;

import fr.regard.cases.domain.CaseRepository;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The purge of cases whose process ended early (withdrawn, closed without a complement: docs/workflow.md open points):
 * their personal data go when the policy's retention ends, like an answered case's do through its process timer.
 * One transaction per case, so that one failure does not hold back the others.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class PersonalDataPurges {

    private static final Logger LOG = Logger.getLogger(PersonalDataPurges.class.getName());
    private static final int BATCH = 200;

    @Inject
    CaseRepository cases;

    @Inject
    ClosureSteps closure;

    /** Purges every early-ended case due by {@code asOf}; returns how many were purged. */
    public int purgeEndedEarlyDueBy(Instant asOf) {
        int purged = 0;
        for (Long id : cases.endedEarlyDueForPurge(asOf, BATCH)) {
            try {
                closure.purgePersonalData(id);
                purged++;
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "Purge of case " + id + " failed; retried at the next run", e);
            }
        }
        return purged;
    }
}
