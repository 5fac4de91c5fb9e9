package fr.regard.cases.application;

import java.time.Instant;
import java.util.Set;

/** A task of a staff member's queue, with what they need to sort and open it. */
public record TaskView(
        String id,
        String taskKey,
        String name,
        String reference,
        String kind,
        String caseStatus,
        String caseStatusLabel,
        Instant due,
        Instant created,
        String assignee,
        Set<String> candidateGroups,
        boolean overdue,
        boolean withinCharterWindow,
        String expects) {
}
