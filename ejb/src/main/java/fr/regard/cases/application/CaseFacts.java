package fr.regard.cases.application;

import fr.regard.cases.application.ActionRefusedException.Reason;
import fr.regard.archive.domain.FootageArchive;
import fr.regard.archive.domain.FootageWindow;
import fr.regard.cases.domain.AccessCase;
import fr.regard.cases.domain.RequestKind;
import fr.regard.cases.domain.CaseClock;
import fr.regard.cases.domain.CaseReference;
import fr.regard.cases.domain.CaseRepository;
import fr.regard.cases.domain.Facts;
import fr.regard.cases.domain.RuleViolation;
import fr.regard.journal.domain.Journal;
import fr.regard.journal.domain.JournalActions;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The DPO states the facts of a request (window and place), typically one read from an e-mail and opened on
 * provisional facts: the charter window and the preservation date follow; the answer period does not move. The
 * provisional hold placed at intake (the whole retention, every camera) moves to the confirmed window; the DPO may
 * then narrow its cameras ({@code PUT /api/v1/requests/{ref}/holds/cameras}).
 */
@Stateless
public class CaseFacts {

    static final int MAX_PLACE = 500;
    static final int MAX_DESCRIPTION = 4000;
    private static final Duration CLOCK_TOLERANCE = Duration.ofMinutes(5);

    @Inject
    CaseRepository cases;

    @Inject
    CaseClock clock;

    @Inject
    CaseQueries queries;

    @Inject
    Journal journal;

    @Inject
    FootageArchive archive;

    Clock systemClock = Clock.systemUTC();

    public CaseView confirm(String reference, Instant start, Instant end, String place, String description, String user,
                            String role) {
        List<RuleViolation> violations = new ArrayList<>();
        Instant latest = systemClock.instant().plus(CLOCK_TOLERANCE);
        if (start == null) {
            violations.add(new RuleViolation("start", "Le début des faits est obligatoire."));
        } else if (start.isAfter(latest)) {
            violations.add(new RuleViolation("start", "Le début des faits ne peut pas être dans le futur."));
        }
        if (end == null) {
            violations.add(new RuleViolation("end", "La fin des faits est obligatoire."));
        } else if (end.isAfter(latest)) {
            violations.add(new RuleViolation("end", "La fin des faits ne peut pas être dans le futur."));
        } else if (start != null && end.isBefore(start)) {
            violations.add(new RuleViolation("end", "La fin des faits précède leur début."));
        }
        if (place == null || place.isBlank()) {
            violations.add(new RuleViolation("place", "Le lieu des faits est obligatoire."));
        } else if (place.strip().length() > MAX_PLACE) {
            violations.add(new RuleViolation("place", "Le lieu dépasse " + MAX_PLACE + " caractères."));
        }
        if (description != null && description.strip().length() > MAX_DESCRIPTION) {
            violations.add(new RuleViolation("description", "La description dépasse " + MAX_DESCRIPTION + " caractères."));
        }
        if (!violations.isEmpty()) {
            throw new InvalidCommandException(violations);
        }
        AccessCase found = CaseReference.isWellFormed(reference)
                ? cases.findByReference(new CaseReference(reference)).orElse(null) : null;
        if (found == null) {
            throw new ActionRefusedException(Reason.NOT_FOUND, "case-not-found", "Aucun dossier ne porte cette référence.");
        }
        AccessCase c = cases.lock(found.id());
        String kept = description == null || description.isBlank() ? c.facts().description() : description.strip();
        boolean wasProvisional = !c.factsConfirmed();
        c.confirmFacts(new Facts(start, end, place.strip(), kept), clock);
        if (c.kind() == RequestKind.ACCESS && wasProvisional) {
            archive.moveHold(c.id(), c.reference().value(),
                    new FootageWindow(start, end, place.strip(), null));
        }
        journal.record(CaseEvents.byStaff(user, role, JournalActions.FACTS_CONFIRMED, c, "Instruction de la demande")
                .withDetail("start", start.toString())
                .withDetail("end", end.toString())
                .withDetail("charterWindowEnd", c.deadlines().charterWindowEnd().toString())
                .withDetail("withinCharterWindow", String.valueOf(c.withinCharterWindow())));
        return queries.staffView(c);
    }
}
