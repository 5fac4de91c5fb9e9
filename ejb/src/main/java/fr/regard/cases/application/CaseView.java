package fr.regard.cases.application;

import fr.regard.cases.domain.AccessCase;
import java.time.Instant;

/** What staff see of a case (DPO, operators, auditors): a read model, never the entity. */
public record CaseView(
        String reference,
        String kind,
        String kindLabel,
        String channel,
        String status,
        String statusLabel,
        Instant receivedAt,
        String requesterFirstName,
        String requesterLastName,
        String requesterEmail,
        Instant factsStart,
        Instant factsEnd,
        String factsPlace,
        String factsDescription,
        Instant charterWindowEnd,
        Instant preservationDeadline,
        Instant responseDue,
        String processInstanceId) {

    public static CaseView of(AccessCase c) {
        return new CaseView(
                c.reference().value(), c.kind().name(), c.kind().label(), c.channel().name(),
                c.status().name(), c.status().label(), c.receivedAt(),
                c.requester().firstName(), c.requester().lastName(), c.requester().email(),
                c.facts().start(), c.facts().end(), c.facts().place(), c.facts().description(),
                c.deadlines().charterWindowEnd(), c.deadlines().preservationDeadline(), c.deadlines().responseDue(),
                c.processInstanceId());
    }
}
