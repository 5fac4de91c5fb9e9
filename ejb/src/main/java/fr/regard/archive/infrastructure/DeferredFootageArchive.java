package fr.regard.archive.infrastructure;

import fr.regard.archive.application.ExtractionService;
import fr.regard.archive.application.FootageHolds;
import fr.regard.archive.domain.ArchiveAction;
import fr.regard.archive.domain.ArchiveActionStatus;
import fr.regard.archive.domain.ArchiveActionType;
import fr.regard.archive.domain.DestructionReport;
import fr.regard.archive.domain.FootageArchive;
import fr.regard.archive.domain.FootageWindow;
import fr.regard.calendar.domain.LegalCalendar;
import fr.regard.cases.domain.CasePolicy;
import fr.regard.journal.domain.Journal;
import fr.regard.journal.domain.JournalActions;
import fr.regard.journal.domain.JournalEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/**
 * The default {@link FootageArchive} while the archive capability is being installed. <b>Holds are real</b>: placing
 * and releasing them is done by {@link FootageHolds} (rows the purge respects, journalled there), and registered here
 * as done ("Effectuée") with a note saying what was held. <b>Extracts are real</b>: producing and destroying them is
 * done by {@link ExtractionService} (journalled there); a production is "Effectuée" only when a finished extract exists,
 * a destruction when every file of the case's extracts is checked gone (docs/workflow.md).
 *
 * <p>A destruction check answers from the segment index and the purge batches ({@link DestructionAnswers}: destroyed,
 * with the batches; pending, with the date; judicial hold), registered as done. Only when no segment of the window is
 * indexed does it answer from the retention policy, marked {@code verified = false}.
 */
@ApplicationScoped
public class DeferredFootageArchive implements FootageArchive {

    static final String NOT_PERFORMED = "Non effectuée par Regard : l'accès à l'archive des enregistrements n'est pas "
            + "encore installé. À réaliser par un opérateur habilité du CSU.";
    static final String FROM_POLICY = "Constat déduit de la durée de conservation (%d jours), non vérifié dans l'archive : "
            + "aucun segment de cette période n'est dans l'index des enregistrements.";

    private static final Map<ArchiveActionType, String> JOURNAL_ACTION = Map.of(
            ArchiveActionType.PRODUCE_EXTRACT, JournalActions.EXTRACT_REQUESTED,
            ArchiveActionType.DESTROY_EXTRACT, JournalActions.EXTRACT_DESTRUCTION_REQUESTED,
            ArchiveActionType.CHECK_DESTRUCTION, JournalActions.FOOTAGE_DESTRUCTION_CHECKED);

    @PersistenceContext(unitName = "regard")
    EntityManager em;

    @Inject
    Journal journal;

    @Inject
    CasePolicy policy;

    @Inject
    LegalCalendar calendar;

    @Inject
    FootageHolds holds;

    @Inject
    ExtractionService extracts;

    @Inject
    DestructionAnswers answers;

    Clock clock = Clock.systemUTC();

    @Override
    @Transactional(Transactional.TxType.MANDATORY)
    public ArchiveAction placeHold(long caseId, String caseReference, FootageWindow window) {
        FootageHolds.Placed placed = holds.placeForCase(caseId, caseReference, window);
        return register(caseId, caseReference, ArchiveActionType.PLACE_HOLD,
                placed.held() > 0 ? ArchiveActionStatus.DONE : ArchiveActionStatus.NOT_PERFORMED, placed.note(), window);
    }

    @Override
    @Transactional(Transactional.TxType.MANDATORY)
    public ArchiveAction moveHold(long caseId, String caseReference, FootageWindow confirmed) {
        return register(caseId, caseReference, ArchiveActionType.PLACE_HOLD, ArchiveActionStatus.DONE,
                limited(holds.moveForCase(caseId, caseReference, confirmed)), confirmed);
    }

    @Override
    @Transactional(Transactional.TxType.MANDATORY)
    public ArchiveAction releaseHolds(long caseId, String caseReference) {
        return register(caseId, caseReference, ArchiveActionType.RELEASE_HOLDS, ArchiveActionStatus.DONE,
                holds.releaseForCase(caseReference), null);
    }

    @Override
    @Transactional(Transactional.TxType.MANDATORY)
    public ArchiveAction produceExtract(long caseId, String caseReference, FootageWindow window, String masking) {
        ExtractionService.Outcome outcome = extracts.produceForCase(caseId, caseReference);
        return record(caseId, caseReference, ArchiveActionType.PRODUCE_EXTRACT, outcome.status(),
                limited(outcome.note() + " Masquage : " + masking + "."), window,
                "Réponse à la demande d'accès (RGPD art. 15)");
    }

    @Override
    @Transactional(Transactional.TxType.MANDATORY)
    public ArchiveAction destroyExtract(long caseId, String caseReference) {
        // ExtractionService journals the destruction itself (FOOTAGE_EXTRACT_DESTROYED, with the hashes).
        ExtractionService.Outcome outcome = extracts.destroyForCase(caseId, caseReference);
        return register(caseId, caseReference, ArchiveActionType.DESTROY_EXTRACT, outcome.status(),
                limited(outcome.note()), null);
    }

    private static String limited(String note) {
        return note.length() > 1000 ? note.substring(0, 999) + "…" : note;
    }

    @Override
    @Transactional(Transactional.TxType.MANDATORY)
    public DestructionReport destructionStatus(long caseId, String caseReference, FootageWindow window) {
        String purpose = "Vérification de la destruction demandée par la personne filmée (charte art. 3.2)";
        TreeSet<String> cameras = new TreeSet<>(FootageHolds.parseCameras(window.cameras()));
        Optional<DestructionReport> fromIndex = answers.answer(window, cameras, policy.retentionDays());
        if (fromIndex.isPresent()) {
            DestructionReport report = fromIndex.get();
            record(caseId, caseReference, ArchiveActionType.CHECK_DESTRUCTION, ArchiveActionStatus.DONE, report.note(),
                    window, purpose);
            return report;
        }
        Instant now = clock.instant();
        Instant destroyedBy = calendar.plusDaysExact(window.end(), policy.retentionDays()).toInstant();
        String note = String.format(FROM_POLICY, policy.retentionDays());
        record(caseId, caseReference, ArchiveActionType.CHECK_DESTRUCTION, ArchiveActionStatus.NOT_PERFORMED, note,
                window, purpose);
        DestructionReport.State state = now.isBefore(destroyedBy)
                ? DestructionReport.State.PENDING : DestructionReport.State.DESTROYED;
        return new DestructionReport(state, destroyedBy, false, note);
    }

    @Override
    public List<ArchiveAction> actionsOf(String caseReference) {
        return em.createQuery("select a from ArchiveActionRecord a where a.caseReference = :reference order by a.id",
                        ArchiveActionRecord.class)
                .setParameter("reference", caseReference)
                .getResultStream().map(ArchiveActionRecord::toAction).toList();
    }

    private ArchiveAction record(long caseId, String caseReference, ArchiveActionType type, ArchiveActionStatus status,
                                 String note, FootageWindow window, String purpose) {
        ArchiveAction action = register(caseId, caseReference, type, status, note, window);
        JournalEvent event = JournalEvent.onCase("system", "system", JOURNAL_ACTION.get(type), caseReference)
                .withPurpose(purpose)
                .withDetail("status", status.name());
        if (window != null) {
            event = event.withDetail("windowStart", window.start().toString()).withDetail("windowEnd", window.end().toString());
        }
        journal.record(event);
        return action;
    }

    /** The register row alone: for holds, {@link FootageHolds} journals the change itself. */
    private ArchiveAction register(long caseId, String caseReference, ArchiveActionType type,
                                   ArchiveActionStatus status, String note, FootageWindow window) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        ArchiveActionRecord row = new ArchiveActionRecord(caseId, caseReference, type, status, note,
                window == null ? null : window.start(), window == null ? null : window.end(), now);
        em.persist(row);
        return row.toAction();
    }
}
