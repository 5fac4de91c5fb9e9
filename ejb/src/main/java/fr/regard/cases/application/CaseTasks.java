package fr.regard.cases.application;

import fr.regard.cases.application.ActionRefusedException.Reason;
import fr.regard.cases.domain.AccessCase;
import fr.regard.cases.domain.CaseClock;
import fr.regard.cases.domain.CaseReference;
import fr.regard.cases.domain.CaseRepository;
import fr.regard.cases.domain.Decision;
import fr.regard.cases.domain.DecisionKind;
import fr.regard.cases.domain.Extraction;
import fr.regard.cases.domain.FootageSearch;
import fr.regard.cases.domain.Masking;
import fr.regard.cases.domain.Qualification;
import fr.regard.cases.domain.RecordRegime;
import fr.regard.cases.domain.RefusalGround;
import fr.regard.cases.domain.RuleViolation;
import fr.regard.cases.domain.SearchOutcome;
import fr.regard.cases.domain.ViewingOutcome;
import fr.regard.journal.domain.Journal;
import fr.regard.journal.domain.JournalActions;
import fr.regard.journal.domain.JournalEvent;
import fr.regard.workflow.application.CaseTaskBoard;
import fr.regard.workflow.application.ProcessVariables;
import fr.regard.workflow.application.WorkflowTask;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The staff's work on cases through their processes' human tasks: the queue of one person (their tasks and the open
 * tasks of their groups, most urgent first), taking a task, and completing it with the typed input of that task.
 *
 * <p>Rules: a task is offered to one group ({@code dpo} or {@code operator}) and only its members may take or complete
 * it; a task taken by someone cannot be completed by another; an input is checked field by field before anything
 * changes. Completing a task is one transaction: the case's new state, its journal event and the process's next
 * steps up to its next wait state commit together, or none does.
 */
@Stateless
public class CaseTasks {

    private static final int MAX_NOTE = 2000;
    private static final int MAX_CAMERA = 50;
    private static final String PURPOSE_HANDLING = "Instruction de la demande";
    private static final String PURPOSE_SEARCH = "Recherche des images demandées";
    private static final String PURPOSE_EXTRACTION = "Extraction et masquage des images demandées";
    private static final String PURPOSE_DECISION = "Décision sur la demande";
    private static final String PURPOSE_VIEWING = "Visionnage sur place par le demandeur";

    @Inject
    CaseTaskBoard board;

    @Inject
    CaseRepository cases;

    @Inject
    CaseClock clock;

    @Inject
    Journal journal;

    /** Where on-site viewings happen (DOMAIN.md: the CSU), unless the DPO names another place. */
    @Inject
    @ConfigProperty(name = "regard.viewing.place",
            defaultValue = "Centre de supervision urbain, Hôtel de Police Municipale, 2 bis rue Frédéric Mottez, Lille")
    String defaultViewingPlace;

    Clock systemClock = Clock.systemUTC();

    /** {@code user}'s own tasks and the open tasks of their groups, most urgent first (due date, then creation). */
    public List<TaskView> queue(String user, Set<String> roles) {
        return board.queueOf(user, roles).stream()
                .filter(task -> CaseReference.isWellFormed(task.caseReference()))
                .map(this::view).toList();
    }

    public TaskView task(String taskId, String user, Set<String> roles) {
        WorkflowTask task = visibleTask(taskId, user, roles);
        return view(task);
    }

    /** Takes the task; taking one's own task again is harmless. */
    public TaskView claim(String taskId, String user, Set<String> roles) {
        WorkflowTask task = allowedTask(taskId, user, roles);
        if (task.assignee() == null) {
            AccessCase c = caseOf(task);
            board.claim(taskId, user);
            journal.record(claimed(task, c, user, roleFor(task, roles)));
        }
        return view(board.find(taskId).orElseThrow());
    }

    /** Completes the task with its input (claiming it first if nobody has). */
    public void complete(String taskId, String user, Set<String> roles, TaskInput input) {
        complete(taskId, user, roles, input, List.of());
    }

    /**
     * Completes the task; {@code shapeErrors} are the fields the channel could not read (e.g. a string where a boolean
     * was expected): they are reported with every other bad field, and nothing is done.
     */
    public void complete(String taskId, String user, Set<String> roles, TaskInput input, List<RuleViolation> shapeErrors) {
        WorkflowTask task = allowedTask(taskId, user, roles);
        if (!task.definitionKey().equals(input.taskKey())) {
            throw InvalidCommandException.of("body", "Cette tâche (« " + task.name() + " ») attend : "
                    + CaseTaskKeys.EXPECTED.getOrDefault(task.definitionKey(), "rien") + ".");
        }
        AccessCase c = cases.lock(caseOf(task).id());
        String role = roleFor(task, roles);
        Instant now = Now.of(systemClock);
        Violations violations = new Violations(shapeErrors);
        Map<String, Object> variables;
        if (input instanceof TaskInput.Qualify q) {
            variables = qualify(c, q, user, role, now, violations);
        } else if (input instanceof TaskInput.Search s) {
            variables = search(c, s, user, role, now, violations);
        } else if (input instanceof TaskInput.Extract e) {
            variables = extract(c, e, user, role, now, violations);
        } else if (input instanceof TaskInput.Decide d) {
            variables = decide(c, d, user, role, now, violations);
        } else {
            variables = holdViewing(c, (TaskInput.HoldViewing) input, user, role, violations);
        }
        if (task.assignee() == null) {
            board.claim(taskId, user);
            journal.record(claimed(task, c, user, role));
        }
        board.complete(taskId, variables);
    }

    private Map<String, Object> qualify(AccessCase c, TaskInput.Qualify input, String user, String role, Instant now, Violations violations) {
        required(violations, "identityDoubt", input.identityDoubt());
        required(violations, "precise", input.precise());
        RecordRegime regime = code(violations, "regime", input.regime(), RecordRegime.class, true);
        boolean complementNeeded = Boolean.TRUE.equals(input.identityDoubt()) || Boolean.FALSE.equals(input.precise());
        if (complementNeeded && blank(input.missingInformation())) {
            violations.add(new RuleViolation("missingInformation", "Indiquez ce que le demandeur doit fournir "
                    + "(pièce d'identité en cas de doute raisonnable, précisions sur les faits)."));
        }
        length(violations, "missingInformation", input.missingInformation(), MAX_NOTE);
        if (!c.factsConfirmed()) {
            violations.add(new RuleViolation("facts", "Précisez d'abord les faits de la demande (PUT /api/v1/requests/"
                    + c.reference().value() + "/facts) : reçue par courriel, elle n'en donne que des indices."));
        }
        throwIfAny(violations);
        boolean inWindow = input.withinCharterWindow() == null ? c.withinCharterWindow() : input.withinCharterWindow();
        c.qualify(new Qualification(regime, input.identityDoubt(), input.precise(),
                complementNeeded ? input.missingInformation() : null, user, now), inWindow);
        journal.record(staff(user, role, JournalActions.CASE_QUALIFIED, c, PURPOSE_HANDLING)
                .withDetail("regime", regime.name())
                .withDetail("complementNeeded", String.valueOf(complementNeeded))
                .withDetail("withinCharterWindow", String.valueOf(inWindow))
                .withDetail("status", c.status().name()));
        Map<String, Object> variables = new HashMap<>();
        variables.put(ProcessVariables.IDENTITY_DOUBT, input.identityDoubt());
        variables.put(ProcessVariables.PRECISE, input.precise());
        variables.put(ProcessVariables.WITHIN_CHARTER_WINDOW, inWindow);
        variables.put(ProcessVariables.COMPLEMENT_NEEDED, complementNeeded);
        variables.put(ProcessVariables.REGIME, regime.name());
        return variables;
    }

    private Map<String, Object> search(AccessCase c, TaskInput.Search input, String user, String role, Instant now, Violations violations) {
        SearchOutcome outcome = code(violations, "outcome", input.outcome(), SearchOutcome.class, true);
        List<String> cameras = cameras(violations, input.cameras(), outcome == SearchOutcome.FOUND);
        length(violations, "note", input.note(), MAX_NOTE);
        Instant destroyedAt = input.destroyedAt();
        if (destroyedAt != null && outcome != null && outcome != SearchOutcome.ALREADY_DESTROYED) {
            violations.add(new RuleViolation("destroyedAt", "La date de destruction ne concerne que des images déjà détruites."));
        }
        if (destroyedAt != null && destroyedAt.isAfter(now)) {
            violations.add(new RuleViolation("destroyedAt", "La date de destruction ne peut pas être dans le futur."));
        }
        throwIfAny(violations);
        if (outcome == SearchOutcome.ALREADY_DESTROYED && destroyedAt == null) {
            destroyedAt = clock.footageDestroyedBy(c.facts()); // the retention's date, which the letter states
        }
        c.recordSearch(new FootageSearch(outcome, cameras.isEmpty() ? null : String.join(",", cameras),
                blank(input.note()) ? null : input.note().strip(), destroyedAt, user, now));
        journal.record(staff(user, role, JournalActions.FOOTAGE_SEARCHED, c, PURPOSE_SEARCH)
                .withDetail("outcome", outcome.name())
                .withDetail("cameras", String.join(",", cameras))
                .withDetail("status", c.status().name()));
        return Map.of(ProcessVariables.SEARCH_OUTCOME, outcome.name());
    }

    private Map<String, Object> extract(AccessCase c, TaskInput.Extract input, String user, String role, Instant now, Violations violations) {
        List<String> cameras = cameras(violations, input.cameras(), true);
        required(violations, "start", input.start());
        required(violations, "end", input.end());
        if (input.start() != null && input.end() != null && !input.end().isAfter(input.start())) {
            violations.add(new RuleViolation("end", "La fin de l'extrait doit suivre son début."));
        }
        Masking masking = code(violations, "masking", input.masking(), Masking.class, true);
        length(violations, "note", input.note(), MAX_NOTE);
        throwIfAny(violations);
        c.recordExtraction(new Extraction(String.join(",", cameras), input.start(), input.end(), masking,
                blank(input.note()) ? null : input.note().strip(), user, now));
        journal.record(staff(user, role, JournalActions.EXTRACTION_RECORDED, c, PURPOSE_EXTRACTION)
                .withDetail("cameras", String.join(",", cameras))
                .withDetail("windowStart", input.start().toString())
                .withDetail("windowEnd", input.end().toString())
                .withDetail("masking", masking.name())
                .withDetail("status", c.status().name()));
        return Map.of();
    }

    private Map<String, Object> decide(AccessCase c, TaskInput.Decide input, String user, String role, Instant now, Violations violations) {
        DecisionKind kind = code(violations, "decision", input.decision(), DecisionKind.class, true);
        Set<RefusalGround> grounds = new LinkedHashSet<>();
        for (String code : input.grounds() == null ? List.<String>of() : input.grounds()) {
            RefusalGround.byCode(code == null ? "" : code.strip()).ifPresentOrElse(grounds::add,
                    () -> violations.add(new RuleViolation("grounds", "Motif inconnu du catalogue : " + code + ".")));
        }
        length(violations, "note", input.note(), 4000);
        if (kind != null && kind.needsGrounds() && blank(input.note())) {
            violations.add(new RuleViolation("note", "Exposez les motifs propres à cette demande : ils figurent dans la "
                    + "lettre de refus, avec les motifs du catalogue (RGPD art. 12(4))."));
        }
        length(violations, "viewing.place", input.viewingPlace(), 500);
        if (kind != null) {
            c.checkDecision(kind, grounds, input.viewingAt(), now).forEach(violations::add);
        }
        throwIfAny(violations);
        String place = kind == DecisionKind.GRANT_VIEWING
                ? (blank(input.viewingPlace()) ? defaultViewingPlace : input.viewingPlace().strip()) : null;
        c.decide(new Decision(kind, input.note(), input.viewingAt(), place, user, now), grounds, now);
        JournalEvent event = staff(user, role, JournalActions.DECISION_TAKEN, c, PURPOSE_DECISION)
                .withDetail("decision", kind.name())
                .withDetail("status", c.status().name());
        if (!grounds.isEmpty()) {
            event = event.withDetail("grounds", String.join(",", grounds.stream().map(RefusalGround::code).toList()));
        }
        if (input.viewingAt() != null) {
            event = event.withDetail("viewingAt", input.viewingAt().toString());
        }
        journal.record(event);
        return Map.of(ProcessVariables.DECISION, kind.name());
    }

    private Map<String, Object> holdViewing(AccessCase c, TaskInput.HoldViewing input, String user, String role,
                                            Violations violations) {
        ViewingOutcome outcome = code(violations, "outcome", input.outcome(), ViewingOutcome.class, true);
        length(violations, "note", input.note(), MAX_NOTE);
        throwIfAny(violations);
        c.recordViewing(outcome);
        journal.record(staff(user, role, JournalActions.VIEWING_RECORDED, c, PURPOSE_VIEWING)
                .withDetail("outcome", outcome.name()));
        return Map.of();
    }

    // --- access rules ---------------------------------------------------------------------------------------------

    private WorkflowTask visibleTask(String taskId, String user, Set<String> roles) {
        WorkflowTask task = board.find(taskId).orElseThrow(() -> new ActionRefusedException(Reason.NOT_FOUND,
                "task-not-found", "Aucune tâche en cours ne porte l'identifiant " + safe(taskId) + "."));
        boolean mine = user.equals(task.assignee());
        if (!mine && task.candidateGroups().stream().noneMatch(roles::contains)) {
            throw new ActionRefusedException(Reason.FORBIDDEN, "task-not-for-your-role",
                    "La tâche « " + task.name() + " » est réservée au groupe " + String.join(", ", task.candidateGroups())
                            + " : votre rôle ne permet pas de la traiter.");
        }
        return task;
    }

    private WorkflowTask allowedTask(String taskId, String user, Set<String> roles) {
        WorkflowTask task = visibleTask(taskId, user, roles);
        if (task.candidateGroups().stream().noneMatch(roles::contains)) {
            throw new ActionRefusedException(Reason.FORBIDDEN, "task-not-for-your-role",
                    "La tâche « " + task.name() + " » est réservée au groupe " + String.join(", ", task.candidateGroups()) + ".");
        }
        if (task.assignee() != null && !task.assignee().equals(user)) {
            throw new ActionRefusedException(Reason.CONFLICT, "task-claimed-by-another",
                    "La tâche « " + task.name() + " » a été prise en charge par " + task.assignee()
                            + " : vous ne pouvez pas la traiter.");
        }
        return task;
    }

    private AccessCase caseOf(WorkflowTask task) {
        if (!CaseReference.isWellFormed(task.caseReference())) {
            throw new ActionRefusedException(Reason.NOT_FOUND, "task-not-found", "Cette tâche n'appartient à aucun dossier.");
        }
        return cases.findByReference(new CaseReference(task.caseReference())).orElseThrow(() -> new ActionRefusedException(
                Reason.NOT_FOUND, "case-not-found", "Le dossier de cette tâche est introuvable."));
    }

    private static String roleFor(WorkflowTask task, Set<String> roles) {
        return task.candidateGroups().stream().filter(roles::contains).sorted().findFirst().orElse("unknown");
    }

    private TaskView view(WorkflowTask task) {
        AccessCase c = caseOf(task);
        return new TaskView(task.id(), task.definitionKey(), task.name(), task.caseReference(), c.kind().name(),
                c.status().name(), c.status().label(), task.due(), task.created(), task.assignee(),
                task.candidateGroups(), c.isOverdue(), c.withinCharterWindow(),
                CaseTaskKeys.EXPECTED.get(task.definitionKey()));
    }

    private static JournalEvent claimed(WorkflowTask task, AccessCase c, String user, String role) {
        return CaseEvents.byStaff(user, role, JournalActions.TASK_CLAIMED, c, PURPOSE_HANDLING)
                .withDetail("task", task.definitionKey());
    }

    private static JournalEvent staff(String user, String role, String action, AccessCase c, String purpose) {
        return CaseEvents.byStaff(user, role, action, c, purpose);
    }

    // --- field checks ---------------------------------------------------------------------------------------------

    private static void required(Violations violations, String field, Object value) {
        if (value == null) {
            violations.add(new RuleViolation(field, "Ce champ est obligatoire."));
        }
    }

    private static <E extends Enum<E>> E code(Violations violations, String field, String value,
                                              Class<E> type, boolean required) {
        if (blank(value)) {
            if (required) {
                violations.add(new RuleViolation(field, "Ce champ est obligatoire ; valeurs admises : " + values(type) + "."));
            }
            return null;
        }
        try {
            return Enum.valueOf(type, value.strip());
        } catch (IllegalArgumentException e) {
            violations.add(new RuleViolation(field, "Valeur inconnue « " + safe(value) + " » ; valeurs admises : "
                    + values(type) + "."));
            return null;
        }
    }

    private static List<String> cameras(Violations violations, Collection<String> cameras, boolean required) {
        List<String> clean = new ArrayList<>();
        if (cameras != null) {
            for (String camera : cameras) {
                if (blank(camera) || camera.strip().length() > MAX_CAMERA) {
                    violations.add(new RuleViolation("cameras", "Chaque caméra est un identifiant de 1 à " + MAX_CAMERA
                            + " caractères."));
                } else {
                    clean.add(camera.strip());
                }
            }
        }
        if (required && clean.isEmpty() && (cameras == null || cameras.isEmpty())) {
            violations.add(new RuleViolation("cameras", "Indiquez au moins une caméra."));
        }
        return clean;
    }

    private static void length(Violations violations, String field, String value, int max) {
        if (value != null && value.strip().length() > max) {
            violations.add(new RuleViolation(field, "Ce champ dépasse " + max + " caractères."));
        }
    }

    private static void throwIfAny(Violations violations) {
        violations.throwIfAny();
    }

    /**
     * The bad fields of one input, one message per field (the first found): a field the channel could not read is
     * not also reported as missing.
     */
    static final class Violations {
        private final Map<String, RuleViolation> byField = new java.util.LinkedHashMap<>();

        Violations(List<RuleViolation> shapeErrors) {
            shapeErrors.forEach(this::add);
        }

        void add(RuleViolation violation) {
            byField.putIfAbsent(violation.field(), violation);
        }

        boolean isEmpty() {
            return byField.isEmpty();
        }

        void throwIfAny() {
            if (!byField.isEmpty()) {
                throw new InvalidCommandException(List.copyOf(byField.values()));
            }
        }
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }

    private static <E extends Enum<E>> String values(Class<E> type) {
        return String.join(", ", java.util.Arrays.stream(type.getEnumConstants()).map(Enum::name).toList());
    }

    private static String safe(String value) {
        return value.length() > 40 ? value.substring(0, 40) + "…" : value;
    }
}
