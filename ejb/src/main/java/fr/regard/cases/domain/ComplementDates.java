package fr.regard.cases.domain;

import java.time.Instant;
import java.util.Objects;

/** When the requester is reminded of a complement they owe, and when the case is closed without it. */
public record ComplementDates(Instant reminderAt, Instant deadline) {

    public ComplementDates {
        Objects.requireNonNull(reminderAt, "reminderAt");
        Objects.requireNonNull(deadline, "deadline");
        if (!reminderAt.isBefore(deadline)) {
            throw new IllegalArgumentException("the reminder must come before the deadline");
        }
    }
}
