package fr.regard.archive.application;

import fr.regard.archive.domain.CameraRepository;
import fr.regard.archive.domain.FootageHold;
import fr.regard.archive.domain.FootageHoldRepository;
import fr.regard.archive.domain.FootageWindow;
import fr.regard.archive.domain.HoldFilter;
import fr.regard.archive.domain.HoldKind;
import fr.regard.archive.domain.HoldPlacement;
import fr.regard.cases.application.ActionRefusedException;
import fr.regard.cases.application.ActionRefusedException.Reason;
import fr.regard.cases.application.InvalidCommandException;
import fr.regard.cases.domain.AccessCase;
import fr.regard.cases.domain.CaseClock;
import fr.regard.cases.domain.CaseReference;
import fr.regard.cases.domain.CaseRepository;
import fr.regard.cases.domain.RuleViolation;
import fr.regard.journal.domain.Journal;
import fr.regard.journal.domain.JournalActions;
import fr.regard.journal.domain.JournalEvent;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Holds on recorded footage (docs/archive.md "Holds"): placed for a case at intake and released at its end (called
 * through {@code FootageArchive} by the case workflow), placed and released by the DPO on a judicial requisition,
 * narrowed by an operator to the cameras that match the place, listed, and flagged "à réexaminer" once past their
 * limit. Every change is journalled in its transaction, with who, in which role and why.
 */
@Stateless
public class FootageHolds {

    static final String SYSTEM = "system";
    static final int FLAG_BATCH = 500;

    @Inject
    FootageHoldRepository holds;

    @Inject
    CameraRepository cameras;

    @Inject
    CaseRepository cases;

    @Inject
    CaseClock clock;

    @Inject
    Journal journal;

    Clock systemClock = Clock.systemUTC();

    private final HoldTexts texts = new HoldTexts();

    /** What a case placement held, and the French note that says so. */
    public record Placed(long placementId, int held, String note) {
    }

    /**
     * Charter art. 3.2: holds the case's window before any human step. Named cameras are held if the registry knows
     * them (the unknown ones are named in the note); no camera named (the place is not yet matched to cameras), or
     * none known: every camera of the registry, so nothing the person asks for can be purged meanwhile.
     */
    @TransactionAttribute(TransactionAttributeType.MANDATORY)
    public Placed placeForCase(long caseId, String caseReference, FootageWindow window) {
        Set<String> registry = cameras.ids();
        Set<String> named = parseCameras(window.cameras());
        Set<String> unknown = new TreeSet<>(named);
        unknown.removeAll(registry);
        Set<String> held = new TreeSet<>(named);
        held.retainAll(registry);
        boolean allCameras = held.isEmpty();
        if (allCameras) {
            held.addAll(registry);
        }
        Instant now = now();
        Instant receivedAt = cases.findById(caseId).map(AccessCase::receivedAt).orElse(now);
        HoldPlacement placement = new HoldPlacement(HoldKind.CASE, caseId, caseReference, null, window.start(),
                window.end(), HoldTexts.CASE_REASON, now, SYSTEM, clock.caseHoldLimit(receivedAt));
        long placementId = holds.nextPlacementId();
        placement.rows(placementId, held).forEach(holds::add);
        String note = held.isEmpty() ? texts.nothingHeldNote()
                : texts.placedNote(held.size(), allCameras, placement.windowStart(), placement.windowEnd(), unknown);
        journal.record(JournalEvent.onCase(SYSTEM, SYSTEM, JournalActions.FOOTAGE_HOLD_PLACED, caseReference)
                .withPurpose(HoldTexts.CASE_REASON)
                .withDetail("hold", String.valueOf(placementId))
                .withDetail("kind", HoldKind.CASE.name())
                .withDetail("cameraCount", String.valueOf(held.size()))
                .withDetail("cameras", allCameras ? "ALL" : String.join(",", held))
                .withDetail("unknownCameras", String.join(",", unknown))
                .withDetail("windowStart", placement.windowStart().toString())
                .withDetail("windowEnd", placement.windowEnd().toString())
                .withDetail("limitAt", placement.limitAt().toString()));
        return new Placed(placementId, held.size(), note);
    }

    /** Releases the case's own holds (not a judicial hold attached to it); idempotent. Returns the French note. */
    @TransactionAttribute(TransactionAttributeType.MANDATORY)
    public String releaseForCase(String caseReference) {
        return release(caseReference, HoldTexts.CLOSURE_REASON, Set.of());
    }

    /**
     * The DPO stated the facts: the confirmed window is held (every camera, as at intake), then the case's earlier
     * holds are released. Returns the French note.
     */
    @TransactionAttribute(TransactionAttributeType.MANDATORY)
    public String moveForCase(long caseId, String caseReference, FootageWindow confirmed) {
        Set<Long> earlier = holds.ofCase(caseReference).stream()
                .filter(h -> h.kind() == HoldKind.CASE && h.isActive()).map(FootageHold::id)
                .collect(java.util.stream.Collectors.toSet());
        Placed placed = placeForCase(caseId, caseReference, confirmed);
        String released = release(caseReference, HoldTexts.FACTS_CONFIRMED_REASON, earlier);
        return placed.note() + " " + released;
    }

    private String release(String caseReference, String reason, Set<Long> only) {
        Instant now = now();
        List<FootageHold> rows = holds.ofCase(caseReference).stream()
                .filter(h -> h.kind() == HoldKind.CASE && h.isActive() && (only.isEmpty() || only.contains(h.id())))
                .toList();
        rows.forEach(h -> h.release(now, SYSTEM, reason));
        journal.record(JournalEvent.onCase(SYSTEM, SYSTEM, JournalActions.FOOTAGE_HOLD_RELEASED, caseReference)
                .withPurpose(reason)
                .withDetail("kind", HoldKind.CASE.name())
                .withDetail("holds", placements(rows))
                .withDetail("cameraCount", String.valueOf(rows.size())));
        return texts.releasedNote(rows.size());
    }

    /** A judicial requisition (CSI L252-5 exception): the DPO holds the named cameras over the window. */
    public HoldView placeJudicial(JudicialHoldRequest request, String actor, String role) {
        List<RuleViolation> violations = new ArrayList<>(request.violations());
        Set<String> named = new TreeSet<>(request.cameras() == null ? List.of() : request.cameras().stream()
                .filter(c -> c != null && !c.isBlank()).map(String::strip).toList());
        Set<String> unknown = new TreeSet<>(named);
        unknown.removeAll(cameras.ids());
        if (!unknown.isEmpty()) {
            violations.add(new RuleViolation("cameras", "Caméras inconnues du registre : " + String.join(", ", unknown)
                    + "."));
        }
        AccessCase linked = null;
        if (request.caseReference() != null && !request.caseReference().isBlank()) {
            linked = findCase(request.caseReference()).orElse(null);
            if (linked == null) {
                violations.add(new RuleViolation("case", "Aucun dossier ne porte cette référence."));
            }
        }
        if (!violations.isEmpty()) {
            throw new InvalidCommandException(violations);
        }
        Instant now = now();
        HoldPlacement placement = new HoldPlacement(HoldKind.JUDICIAL, linked == null ? null : linked.id(),
                linked == null ? null : linked.reference().value(), request.requisitionReference(), request.start(),
                request.end(), request.reason(), now, actor, clock.judicialHoldReview(now));
        long placementId = holds.nextPlacementId();
        placement.rows(placementId, named).forEach(holds::add);
        journal.record(holdEvent(actor, role, JournalActions.FOOTAGE_HOLD_PLACED, placementId, placement.reason())
                .withDetail("kind", HoldKind.JUDICIAL.name())
                .withDetail("requisition", placement.requisitionReference())
                .withDetail("case", placement.caseReference() == null ? "" : placement.caseReference())
                .withDetail("cameras", String.join(",", named))
                .withDetail("windowStart", placement.windowStart().toString())
                .withDetail("windowEnd", placement.windowEnd().toString())
                .withDetail("reviewAt", placement.limitAt().toString()));
        return view(placementId);
    }

    /**
     * The DPO releases a placement, with a reason. A case hold is released by the case's own end (closure,
     * withdrawal): while the case is open it is refused, since the person's footage would become purgeable before
     * the answer. A judicial hold is released when the requisition's authority lifts it.
     */
    public HoldView release(long placementId, String reason, String actor, String role) {
        String why = requireText("reason", reason, "Le motif de la levée est obligatoire : il est journalisé.");
        List<FootageHold> rows = holds.placement(placementId);
        if (rows.isEmpty()) {
            throw new ActionRefusedException(Reason.NOT_FOUND, "hold-not-found", "Aucun gel ne porte le numéro "
                    + placementId + ".");
        }
        FootageHold first = rows.get(0);
        if (rows.stream().noneMatch(FootageHold::isActive)) {
            throw new ActionRefusedException(Reason.CONFLICT, "hold-released", "Ce gel est déjà levé.");
        }
        if (first.kind() == HoldKind.CASE) {
            AccessCase c = cases.findById(first.caseId()).orElse(null);
            if (c != null && c.status().isOpen()) {
                throw new ActionRefusedException(Reason.CONFLICT, "case-open", "Le gel du dossier "
                        + first.caseReference() + " ne peut pas être levé tant que le dossier est en cours (statut « "
                        + c.status().label() + " ») : les images demandées doivent être conservées jusqu'à la réponse "
                        + "(charte art. 3.2). Il est levé automatiquement à la clôture ou au retrait du dossier ; pour "
                        + "réduire les caméras gelées, modifiez le périmètre du gel.");
            }
        }
        Instant now = now();
        List<FootageHold> released = rows.stream().filter(h -> h.release(now, actor, why)).toList();
        journal.record(holdEvent(actor, role, JournalActions.FOOTAGE_HOLD_RELEASED, placementId, why)
                .withDetail("kind", first.kind().name())
                .withDetail("case", first.caseReference() == null ? "" : first.caseReference())
                .withDetail("requisition", first.requisitionReference() == null ? "" : first.requisitionReference())
                .withDetail("cameraCount", String.valueOf(released.size())));
        return HoldView.of(rows, now, texts);
    }

    /**
     * An operator (or the DPO) replaces the cameras of an open case's active holds by those that match the place;
     * the others are released with the stated purpose, the new ones held over the same window and limit.
     */
    public List<HoldView> replaceCameras(String caseReference, List<String> wanted, String purpose, String actor,
                                         String role) {
        List<RuleViolation> violations = new ArrayList<>();
        String why = purpose == null || purpose.isBlank() ? null : purpose.strip();
        if (why == null) {
            violations.add(new RuleViolation("purpose", "Le motif est obligatoire : il est journalisé."));
        } else if (why.length() > FootageHold.MAX_REASON) {
            violations.add(new RuleViolation("purpose", "Le motif dépasse " + FootageHold.MAX_REASON + " caractères."));
        }
        Set<String> cameraSet = wanted == null ? Set.of() : wanted.stream().map(String::strip)
                .collect(Collectors.toCollection(TreeSet::new));
        if (cameraSet.isEmpty()) {
            violations.add(new RuleViolation("cameras", "Indiquez au moins une caméra ; pour lever le gel, clôturez "
                    + "le dossier."));
        }
        Set<String> unknown = new TreeSet<>(cameraSet);
        unknown.removeAll(cameras.ids());
        if (!unknown.isEmpty()) {
            violations.add(new RuleViolation("cameras", "Caméras inconnues du registre : " + String.join(", ", unknown)
                    + "."));
        }
        if (!violations.isEmpty()) {
            throw new InvalidCommandException(violations);
        }
        AccessCase c = findCase(caseReference).orElseThrow(() -> new ActionRefusedException(Reason.NOT_FOUND,
                "case-not-found", "Aucun dossier ne porte cette référence."));
        if (!c.status().isOpen()) {
            throw new ActionRefusedException(Reason.CONFLICT, "case-closed", "Le dossier " + caseReference
                    + " est « " + c.status().label() + " » : ses gels sont levés.");
        }
        Map<Long, List<FootageHold>> active = holds.ofCase(c.reference().value()).stream()
                .filter(h -> h.kind() == HoldKind.CASE && h.isActive())
                .collect(Collectors.groupingBy(FootageHold::placementId, LinkedHashMap::new, Collectors.toList()));
        if (active.isEmpty()) {
            throw new ActionRefusedException(Reason.CONFLICT, "no-active-hold", "Le dossier " + caseReference
                    + " n'a aucun gel actif.");
        }
        Instant now = now();
        for (Map.Entry<Long, List<FootageHold>> entry : active.entrySet()) {
            Set<String> current = entry.getValue().stream().map(FootageHold::cameraId)
                    .collect(Collectors.toCollection(TreeSet::new));
            List<FootageHold> removed = entry.getValue().stream().filter(h -> !cameraSet.contains(h.cameraId()))
                    .filter(h -> h.release(now, actor, "Caméra retirée du périmètre du gel : " + why)).toList();
            Set<String> added = new TreeSet<>(cameraSet);
            added.removeAll(current);
            HoldPlacement.sameAs(entry.getValue().get(0), now, actor, why).rows(entry.getKey(), added)
                    .forEach(holds::add);
            journal.record(JournalEvent.onCase(actor, role, JournalActions.FOOTAGE_HOLD_CAMERAS_CHANGED, caseReference)
                    .withPurpose(why)
                    .withDetail("hold", String.valueOf(entry.getKey()))
                    .withDetail("cameras", String.join(",", cameraSet))
                    .withDetail("removedCount", String.valueOf(removed.size()))
                    .withDetail("added", String.join(",", added)));
        }
        return ofCase(caseReference);
    }

    /** Holds by placement, newest first. */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public List<HoldView> list(HoldFilter filter) {
        return views(holds.find(filter));
    }

    /** Every hold of a case (its own and judicial ones attached to it), newest first; refused for no such case. */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public List<HoldView> ofCase(String caseReference) {
        AccessCase c = findCase(caseReference).orElseThrow(() -> new ActionRefusedException(Reason.NOT_FOUND,
                "case-not-found", "Aucun dossier ne porte cette référence."));
        return views(holds.ofCase(c.reference().value()));
    }

    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public HoldView view(long placementId) {
        List<FootageHold> rows = holds.placement(placementId);
        if (rows.isEmpty()) {
            throw new ActionRefusedException(Reason.NOT_FOUND, "hold-not-found", "Aucun gel ne porte le numéro "
                    + placementId + ".");
        }
        return HoldView.of(rows, now(), texts);
    }

    /** The purge's question for one segment: does an active hold keep camera's footage over {@code [start, end)}? */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public boolean isHeld(String cameraId, Instant start, Instant end) {
        return holds.isHeld(cameraId, start, end);
    }

    /**
     * The daily check: journals each placement newly past its limit, once (a flagged placement is not journalled
     * again; several nodes may run it, the conditional update decides). Returns how many were flagged.
     */
    public int flagPastLimit() {
        Instant now = now();
        int flagged = 0;
        for (long placementId : holds.placementsToFlag(now, FLAG_BATCH)) {
            if (holds.markFlagged(placementId, now) == 0) {
                continue;
            }
            flagged++;
            List<FootageHold> rows = holds.placement(placementId);
            FootageHold first = rows.get(0);
            JournalEvent event = first.kind() == HoldKind.CASE
                    ? JournalEvent.onCase(SYSTEM, SYSTEM, JournalActions.FOOTAGE_HOLD_FLAGGED, first.caseReference())
                            .withDetail("hold", String.valueOf(placementId))
                    : holdEvent(SYSTEM, SYSTEM, JournalActions.FOOTAGE_HOLD_FLAGGED, placementId, null);
            journal.record(event.withPurpose("Contrôle de la durée des gels (CSI L252-5, RGPD art. 5(1)(e))")
                    .withDetail("kind", first.kind().name())
                    .withDetail("limitAt", first.limitAt().toString())
                    .withDetail("note", texts.flagNote(first)));
        }
        return flagged;
    }

    private List<HoldView> views(List<FootageHold> rows) {
        Instant now = now();
        Map<Long, List<FootageHold>> byPlacement = rows.stream()
                .collect(Collectors.groupingBy(FootageHold::placementId, LinkedHashMap::new, Collectors.toList()));
        List<HoldView> views = new ArrayList<>(byPlacement.values().stream().map(r -> HoldView.of(r, now, texts)).toList());
        views.sort((a, b) -> Long.compare(b.id(), a.id()));
        return views;
    }

    private static JournalEvent holdEvent(String actor, String role, String action, long placementId, String purpose) {
        return JournalEvent.on(actor, role, action, "footage_hold", String.valueOf(placementId)).withPurpose(purpose);
    }

    private java.util.Optional<AccessCase> findCase(String reference) {
        return reference != null && CaseReference.isWellFormed(reference.strip())
                ? cases.findByReference(new CaseReference(reference.strip())) : java.util.Optional.empty();
    }

    private static String placements(List<FootageHold> rows) {
        return rows.stream().map(h -> String.valueOf(h.placementId())).distinct().collect(Collectors.joining(","));
    }

    private static String requireText(String field, String value, String message) {
        if (value == null || value.isBlank()) {
            throw InvalidCommandException.of(field, message);
        }
        if (value.strip().length() > FootageHold.MAX_REASON) {
            throw InvalidCommandException.of(field, "Le texte dépasse " + FootageHold.MAX_REASON + " caractères.");
        }
        return value.strip();
    }

    /** Camera ids as a case names them: separated by commas, semicolons or spaces. */
    public static Set<String> parseCameras(String cameras) {
        if (cameras == null || cameras.isBlank()) {
            return new TreeSet<>();
        }
        return Arrays.stream(cameras.split("[,;\\s]+")).map(String::strip).filter(s -> !s.isEmpty())
                .collect(Collectors.toCollection(TreeSet::new));
    }

    private Instant now() {
        // Microseconds: what both databases keep, so a view shows the instant that was stored.
        return systemClock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
