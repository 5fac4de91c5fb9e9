package fr.regard.workflow.application;

import fr.regard.workflow.infrastructure.ProcessEngineBootstrap;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.Collection;
import java.util.Comparator;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;

/**
 * The human tasks of the cases' processes (Camunda's task service), in the caller's transaction: the queue of one
 * staff member, claiming, completing with variables, and moving due dates when a case's answer deadline moves.
 */
@ApplicationScoped
public class CaseTaskBoard {

    /** Most urgent first: earliest due date (tasks without one last), then the oldest. */
    static final Comparator<WorkflowTask> BY_URGENCY = Comparator
            .comparing(WorkflowTask::due, Comparator.nullsLast(Comparator.naturalOrder()))
            .thenComparing(WorkflowTask::created)
            .thenComparing(WorkflowTask::id);

    @Inject
    ProcessEngineBootstrap engine;

    /** Tasks assigned to {@code user}, and unassigned tasks offered to one of {@code groups}, most urgent first. */
    public List<WorkflowTask> queueOf(String user, Collection<String> groups) {
        var query = tasks().createTaskQuery().active();
        if (groups.isEmpty()) {
            query.taskAssignee(user);
        } else {
            query.or().taskAssignee(user).taskCandidateGroupIn(List.copyOf(groups)).endOr();
        }
        List<Task> found = query.list();
        Map<String, String> references = businessKeys(found.stream().map(Task::getProcessInstanceId)
                .collect(Collectors.toSet()));
        return found.stream()
                .map(task -> toWorkflowTask(task, references.get(task.getProcessInstanceId())))
                .sorted(BY_URGENCY)
                .toList();
    }

    public Optional<WorkflowTask> find(String taskId) {
        Task task = tasks().createTaskQuery().taskId(taskId).singleResult();
        if (task == null) {
            return Optional.empty();
        }
        return Optional.of(toWorkflowTask(task, businessKeys(Set.of(task.getProcessInstanceId()))
                .get(task.getProcessInstanceId())));
    }

    /** Open tasks of one case. */
    public List<WorkflowTask> ofCase(String reference) {
        return tasks().createTaskQuery().processInstanceBusinessKey(reference).active().list().stream()
                .map(task -> toWorkflowTask(task, reference)).sorted(BY_URGENCY).toList();
    }

    public void claim(String taskId, String user) {
        tasks().claim(taskId, user);
    }

    /** Completes the task; the process runs to its next wait state in the caller's transaction. */
    public void complete(String taskId, Map<String, Object> variables) {
        tasks().complete(taskId, new HashMap<>(variables));
    }

    /** Gives the case's open tasks that have a deadline the new answer deadline (extension). */
    public void moveDueDates(String reference, Instant due) {
        for (Task task : tasks().createTaskQuery().processInstanceBusinessKey(reference).active().list()) {
            if (task.getDueDate() != null) {
                task.setDueDate(Date.from(due));
                tasks().saveTask(task);
            }
        }
    }

    private WorkflowTask toWorkflowTask(Task task, String reference) {
        Set<String> groups = tasks().getIdentityLinksForTask(task.getId()).stream()
                .filter(link -> IdentityLinkType.CANDIDATE.equals(link.getType()) && link.getGroupId() != null)
                .map(IdentityLink::getGroupId)
                .collect(Collectors.toUnmodifiableSet());
        return new WorkflowTask(task.getId(), task.getTaskDefinitionKey(), task.getName(), reference,
                task.getDueDate() == null ? null : task.getDueDate().toInstant(),
                task.getCreateTime().toInstant(), task.getAssignee(), groups);
    }

    private Map<String, String> businessKeys(Set<String> processInstanceIds) {
        if (processInstanceIds.isEmpty()) {
            return Map.of();
        }
        return engine().getRuntimeService().createProcessInstanceQuery().processInstanceIds(processInstanceIds).list()
                .stream().collect(Collectors.toMap(ProcessInstance::getId,
                        p -> p.getBusinessKey() == null ? "" : p.getBusinessKey()));
    }

    private TaskService tasks() {
        return engine().getTaskService();
    }

    private ProcessEngine engine() {
        return engine.engine();
    }
}
