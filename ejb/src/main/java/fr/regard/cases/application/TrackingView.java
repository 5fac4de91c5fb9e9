package fr.regard.cases.application;

import fr.regard.cases.domain.AccessCase;
import java.time.Instant;

/**
 * What the requester sees through their tracking link: their case's progress and deadlines, no staff data
 * and nothing about other people.
 */
public record TrackingView(
        String reference,
        String kind,
        String kindLabel,
        String status,
        String statusLabel,
        Instant receivedAt,
        Instant charterWindowEnd,
        Instant preservationDeadline,
        Instant responseDue) {

    public static TrackingView of(AccessCase c) {
        return new TrackingView(c.reference().value(), c.kind().name(), c.kind().label(),
                c.status().name(), c.status().label(), c.receivedAt(),
                c.deadlines().charterWindowEnd(), c.deadlines().preservationDeadline(), c.deadlines().responseDue());
    }
}
