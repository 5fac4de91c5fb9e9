package fr.regard.cases.domain;

import java.time.Instant;
import java.util.Objects;

/**
 * The answer deadline of a case and the reminder before it. They always move together (docs/workflow.md: the
 * response clock is re-armed on either date).
 */
public record ResponseDates(Instant responseDue, Instant reminderAt) {

    public ResponseDates {
        Objects.requireNonNull(responseDue, "responseDue");
        Objects.requireNonNull(reminderAt, "reminderAt");
    }
}
