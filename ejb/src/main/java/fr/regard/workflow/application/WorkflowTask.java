package fr.regard.workflow.application;

import java.time.Instant;
import java.util.Set;

/** A human task of a case's process, as the task API shows it. {@code due} is null for tasks without a deadline. */
public record WorkflowTask(String id, String definitionKey, String name, String caseReference, Instant due,
                           Instant created, String assignee, Set<String> candidateGroups) {
}
