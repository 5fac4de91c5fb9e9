package fr.regard.cases.application;

import fr.regard.cases.domain.AccessCase;
import fr.regard.cases.domain.ComplementReceipt;
import fr.regard.cases.domain.Decision;
import fr.regard.cases.domain.Extraction;
import fr.regard.cases.domain.FootageSearch;
import fr.regard.cases.domain.Qualification;
import fr.regard.cases.domain.ResponseExtension;
import java.time.Instant;
import java.util.List;

/**
 * What staff see of a case (DPO, operators, auditors): a read model, never the entity. {@code flags}: what needs the
 * DPO's attention, in French (a letter whose e-mail bounced or failed, a registered letter returned).
 */
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
        List<String> requesterPostalAddress,
        String requesterLanguage,
        String intakeRegisteredMail,
        Instant factsStart,
        Instant factsEnd,
        String factsPlace,
        String factsDescription,
        boolean factsConfirmed,
        Instant charterWindowEnd,
        Instant preservationDeadline,
        Instant responseDue,
        String processInstanceId,
        Clock clock,
        boolean withinCharterWindow,
        QualificationView qualification,
        SearchView search,
        ExtractionView extraction,
        DecisionView decision,
        List<RefusalGroundView> grounds,
        String destructionFinding,
        Instant destructionDueAt,
        Closure closure,
        List<LetterView> letters,
        List<ArchiveActionView> archiveActions,
        List<ComplementView> complements,
        List<String> flags) {

    /** The answer clock: reminder, pause, extension, overdue; the complement and delivery dates. */
    public record Clock(Instant responseReminderAt, boolean paused, Instant pausedAt, Integer daysLeftAtPause,
                        boolean overdue, Instant extensionRequestedAt, String extensionRequestedBy,
                        String extensionReasons, Instant extensionGrantedAt, Instant responseDueBeforeExtension,
                        Instant complementReminderAt, Instant complementDeadline, Instant deliveryExpiresAt) {
    }

    public record QualificationView(String regime, String regimeLabel, String legalBasis, boolean identityDoubt,
                                    boolean precise, String missingInformation, Instant qualifiedAt, String qualifiedBy) {
        static QualificationView of(Qualification q) {
            return q == null ? null : new QualificationView(q.regime().name(), q.regime().label(),
                    q.regime().legalBasis(), q.identityDoubt(), q.precise(), q.missingInformation(), q.qualifiedAt(),
                    q.qualifiedBy());
        }
    }

    public record SearchView(String outcome, String outcomeLabel, String cameras, String note, Instant destroyedAt,
                             Instant searchedAt, String searchedBy) {
        static SearchView of(FootageSearch s) {
            return s == null ? null : new SearchView(s.outcome().name(), s.outcome().label(), s.cameras(), s.note(),
                    s.destroyedAt(), s.searchedAt(), s.searchedBy());
        }
    }

    public record ExtractionView(String cameras, Instant start, Instant end, String masking, String maskingLabel,
                                 String note, Instant extractedAt, String extractedBy) {
        static ExtractionView of(Extraction e) {
            return e == null ? null : new ExtractionView(e.cameras(), e.windowStart(), e.windowEnd(), e.masking().name(),
                    e.masking().label(), e.note(), e.extractedAt(), e.extractedBy());
        }
    }

    public record DecisionView(String decision, String decisionLabel, String note, Instant viewingAt,
                               String viewingPlace, String viewingOutcome, Instant decidedAt, String decidedBy) {
        static DecisionView of(Decision d) {
            return d == null ? null : new DecisionView(d.kind().name(), d.kind().label(), d.note(), d.viewingAt(),
                    d.viewingPlace(), d.viewingOutcome() == null ? null : d.viewingOutcome().name(), d.decidedAt(),
                    d.decidedBy());
        }
    }

    public record Closure(Instant closedAt, String reason, String reasonLabel, Instant withdrawnAt,
                          Instant personalDataPurgeAt, Instant personalDataPurgedAt) {
    }

    public record ComplementView(Instant receivedAt, boolean awaited, String content) {
        static ComplementView of(ComplementReceipt r) {
            return new ComplementView(r.receivedAt(), r.awaited(), r.content());
        }
    }

    public static CaseView of(AccessCase c, List<LetterView> letters, List<ArchiveActionView> actions,
                              List<ComplementReceipt> complements) {
        ResponseExtension x = c.extension();
        Clock clock = new Clock(c.deadlines().responseReminderAt(), c.isClockPaused(), c.clockPausedAt(),
                c.daysLeftAtPause(), c.isOverdue(),
                x == null ? null : x.requestedAt(), x == null ? null : x.requestedBy(), x == null ? null : x.reasons(),
                x == null ? null : x.grantedAt(), x == null ? null : x.dueBefore(),
                c.deadlines().complementReminderAt(), c.deadlines().complementDeadline(),
                c.deadlines().deliveryExpiresAt());
        Closure closure = new Closure(c.closedAt(), c.closureReason() == null ? null : c.closureReason().name(),
                c.closureReason() == null ? null : c.closureReason().label(), c.withdrawnAt(),
                c.deadlines().personalDataPurgeAt(), c.personalDataPurgedAt());
        return new CaseView(
                c.reference().value(), c.kind().name(), c.kind().label(), c.channel().name(),
                c.status().name(), c.status().label(), c.receivedAt(),
                c.requester().firstName(), c.requester().lastName(), c.requester().email(),
                c.requester().postalAddress(), c.requester().language(), c.intakeRegisteredMail(),
                c.facts().start(), c.facts().end(), c.facts().place(), c.facts().description(), c.factsConfirmed(),
                c.deadlines().charterWindowEnd(), c.deadlines().preservationDeadline(), c.deadlines().responseDue(),
                c.processInstanceId(), clock, c.withinCharterWindow(),
                QualificationView.of(c.qualification()), SearchView.of(c.search()), ExtractionView.of(c.extraction()),
                DecisionView.of(c.decision()), c.refusalGrounds().stream().map(RefusalGroundView::of).toList(),
                c.destructionFinding() == null ? null : c.destructionFinding().name(), c.destructionDueAt(), closure,
                List.copyOf(letters), List.copyOf(actions), complements.stream().map(ComplementView::of).toList(),
                letters.stream().map(LetterView::flag).filter(java.util.Objects::nonNull).toList());
    }
}
