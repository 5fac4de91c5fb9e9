package fr.regard.cases.domain;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.ArrayList;
import org.hibernate.annotations.Fetch;
import org.hibernate.annotations.FetchMode;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * A request from one person about the footage that concerns them, from receipt to purge (the aggregate).
 *
 * <p>Lifecycle (DOMAIN.md "What a case goes through"; the detailed path is the {@code access-request} or
 * {@code verify-destruction} BPMN process whose business key is the case reference):
 * received (its receipt starts the one-month answer of GDPR art. 12(3)) → à qualifier → [en attente de complément
 * ↺, clock paused if the policy says so] → recherche des images → extraction en cours → décision à prendre →
 * décision prise → visionnage sur place / mise à disposition → clôturée → personal data purged after the policy's
 * retention. A verification request goes from qualification to vérification de la destruction (→ destruction à
 * venir) → décision prise → clôturée. Withdrawal (retirée) is possible until closure.
 *
 * <p>Rules it guards: each step only from the status before it; one extension, only inside the current (first)
 * period and before the answer (GDPR art. 12(3)); refusal or partial answers only with grounds from the
 * {@link RefusalGround} catalogue applicable to the recorded regime; footage communicated only when an extract exists
 * and its third parties could be masked (GDPR art. 15(4)). Every date comes from {@link CaseClock}.
 * The requester reaches the case through a secret link: only the SHA-256 of that secret is stored.
 */
@Entity
@Table(name = "access_case")
public class AccessCase {

    /** What replaces personal data after the purge. */
    public static final String PURGED = "[données purgées]";

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "access_case_seq")
    @SequenceGenerator(name = "access_case_seq", sequenceName = "access_case_seq", allocationSize = 1)
    private Long id;

    @Version
    private int version;

    @Column(name = "reference", nullable = false, unique = true, length = 20)
    private String reference;

    @Enumerated(EnumType.STRING)
    @Column(name = "kind", nullable = false, length = 30)
    private RequestKind kind;

    @Enumerated(EnumType.STRING)
    @Column(name = "channel", nullable = false, length = 20)
    private IntakeChannel channel;

    @Enumerated(EnumType.STRING)
    @Column(name = "status", nullable = false, length = 40)
    private CaseStatus status;

    @Embedded
    private Requester requester;

    @Embedded
    private Facts facts;

    @Embedded
    private CaseDeadlines deadlines;

    @Column(name = "received_at", nullable = false)
    private Instant receivedAt;

    /** The number of the registered letter that brought a postal request (its avis de réception dates the receipt). */
    @Column(name = "intake_registered_mail", length = 40)
    private String intakeRegisteredMail;

    @Column(name = "tracking_token_hash", nullable = false, unique = true, length = 64)
    private String trackingTokenHash;

    @Column(name = "process_instance_id", length = 64)
    private String processInstanceId;

    /** False while the facts are provisional (a request read from an e-mail): the DPO confirms them first. */
    @Column(name = "facts_confirmed", nullable = false)
    private boolean factsConfirmed = true;

    /** Charter art. 3.2: filed within 8 days of the facts; outside, the case is "hors délai charte". */
    @Column(name = "within_charter_window")
    private Boolean withinCharterWindow;

    @Embedded
    private Qualification qualification;

    @Column(name = "clock_paused_at")
    private Instant clockPausedAt;

    @Column(name = "days_left_at_pause")
    private Integer daysLeftAtPause;

    @Embedded
    private ResponseExtension extension;

    @Column(name = "overdue", nullable = false)
    private boolean overdue;

    @Embedded
    private FootageSearch search;

    @Embedded
    private Extraction extraction;

    @Embedded
    private Decision decision;

    // Loaded by a second select, not a join: the case row alone is locked FOR UPDATE (PostgreSQL refuses it on the
    // nullable side of an outer join).
    @ElementCollection(fetch = FetchType.EAGER)
    @Fetch(FetchMode.SELECT)
    @CollectionTable(name = "case_refusal_ground", joinColumns = @JoinColumn(name = "case_id"))
    @Enumerated(EnumType.STRING)
    @Column(name = "ground", nullable = false, length = 40)
    private Set<RefusalGround> refusalGrounds = new HashSet<>();

    @Enumerated(EnumType.STRING)
    @Column(name = "destruction_finding", length = 20)
    private DestructionFinding destructionFinding;

    @Column(name = "destruction_due_at")
    private Instant destructionDueAt;

    @Column(name = "closed_at")
    private Instant closedAt;

    @Enumerated(EnumType.STRING)
    @Column(name = "closure_reason", length = 30)
    private ClosureReason closureReason;

    @Column(name = "withdrawn_at")
    private Instant withdrawnAt;

    @Column(name = "personal_data_purged_at")
    private Instant personalDataPurgedAt;

    protected AccessCase() {
        // JPA
    }

    public AccessCase(CaseReference reference, RequestKind kind, IntakeChannel channel, Requester requester,
                      Facts facts, Instant receivedAt, CaseDeadlines deadlines, String trackingTokenHash) {
        this.reference = Objects.requireNonNull(reference, "reference").value();
        this.kind = Objects.requireNonNull(kind, "kind");
        this.channel = Objects.requireNonNull(channel, "channel");
        this.requester = Objects.requireNonNull(requester, "requester");
        this.facts = Objects.requireNonNull(facts, "facts");
        this.receivedAt = Objects.requireNonNull(receivedAt, "receivedAt");
        this.deadlines = Objects.requireNonNull(deadlines, "deadlines");
        this.trackingTokenHash = Objects.requireNonNull(trackingTokenHash, "trackingTokenHash");
        this.withinCharterWindow = !receivedAt.isAfter(deadlines.charterWindowEnd());
        this.status = CaseStatus.AWAITING_QUALIFICATION;
    }

    /** Links the case to the process instance that carries it; set once, at intake. */
    public void attachProcess(String processInstanceId) {
        if (this.processInstanceId != null) {
            throw new IllegalStateException("Case " + reference + " already has a process");
        }
        this.processInstanceId = Objects.requireNonNull(processInstanceId, "processInstanceId");
    }

    // --- facts ----------------------------------------------------------------------------------------------

    /** At intake: the facts are a provisional window (the request's text did not give them reliably). */
    public void markFactsToConfirm() {
        if (processInstanceId != null) {
            throw new IllegalStateException("Only at intake");
        }
        this.factsConfirmed = false;
    }

    public boolean factsConfirmed() {
        return factsConfirmed;
    }

    /**
     * The DPO states the facts (from the request's text, a complement or a call): the charter window and the
     * preservation date follow them, and so does the charter flag; the answer period, counted from the receipt, does
     * not move. Possible while the case is open and not yet past the search.
     */
    public void confirmFacts(Facts confirmed, CaseClock clock) {
        requireStatus("préciser les faits", CaseStatus.AWAITING_QUALIFICATION, CaseStatus.AWAITING_COMPLEMENT);
        this.facts = Objects.requireNonNull(confirmed, "facts");
        this.deadlines = deadlines.withFactsDates(clock.charterWindowEnd(confirmed), clock.preservationDeadline(confirmed));
        this.withinCharterWindow = !receivedAt.isAfter(deadlines.charterWindowEnd());
        this.factsConfirmed = true;
    }

    // --- qualification and complement (décret 2019-536) -----------------------------------------------------

    /**
     * The DPO qualifies the request. {@code withinCharterWindow} confirms or corrects the flag computed at intake
     * (for a letter, the postmark date decides).
     */
    public void qualify(Qualification newQualification, boolean inCharterWindow) {
        requireStatus("qualifier la demande", CaseStatus.AWAITING_QUALIFICATION);
        this.qualification = Objects.requireNonNull(newQualification, "qualification");
        this.withinCharterWindow = inCharterWindow;
        if (newQualification.complementNeeded()) {
            status = CaseStatus.AWAITING_COMPLEMENT;
        } else {
            status = kind == RequestKind.ACCESS ? CaseStatus.SEARCHING_FOOTAGE : CaseStatus.CHECKING_DESTRUCTION;
        }
    }

    public void requestComplement(ComplementDates dates) {
        requireStatus("demander un complément", CaseStatus.AWAITING_COMPLEMENT);
        deadlines = deadlines.withComplement(Objects.requireNonNull(dates, "dates"));
    }

    /** The answer period stops while the requester owes a complement (policy); returns the provisional dates. */
    public ResponseDates pauseClock(Instant now, CaseClock clock) {
        requireStatus("suspendre le délai", CaseStatus.AWAITING_COMPLEMENT);
        if (isClockPaused()) {
            throw new CaseStateException("clock-paused", "Le délai de réponse est déjà suspendu.");
        }
        if (deadlines.complementDeadline() == null) {
            throw new CaseStateException("no-complement", "Aucun complément n'a été demandé.");
        }
        clockPausedAt = now;
        daysLeftAtPause = clock.daysLeft(now, deadlines.responseDue());
        deadlines = deadlines.withResponse(clock.whilePaused(deadlines.complementDeadline(), daysLeftAtPause));
        return deadlines.response();
    }

    /** The complement arrived: back to qualification. */
    public void receiveComplement() {
        requireStatus("recevoir un complément", CaseStatus.AWAITING_COMPLEMENT);
        status = CaseStatus.AWAITING_QUALIFICATION;
        qualification = null;
        deadlines = deadlines.withComplement(null);
    }

    /** The clock runs again from {@code now} with the days that were left at the pause. */
    public ResponseDates resumeClock(Instant now, CaseClock clock) {
        requireOpen("reprendre le délai");
        if (!isClockPaused()) {
            throw new CaseStateException("clock-running", "Le délai de réponse n'est pas suspendu.");
        }
        deadlines = deadlines.withResponse(clock.resumed(now, daysLeftAtPause));
        clockPausedAt = null;
        daysLeftAtPause = null;
        return deadlines.response();
    }

    public Instant closeForMissingComplement(Instant now, CaseClock clock) {
        requireStatus("clôturer faute de complément", CaseStatus.AWAITING_COMPLEMENT);
        clockPausedAt = null;
        daysLeftAtPause = null;
        return closeWith(ClosureReason.MISSING_COMPLEMENT, now, clock);
    }

    // --- search, extraction, decision --------------------------------------------------------------------------

    public void recordSearch(FootageSearch result) {
        requireStatus("enregistrer la recherche", CaseStatus.SEARCHING_FOOTAGE);
        this.search = Objects.requireNonNull(result, "result");
        status = result.outcome() == SearchOutcome.FOUND ? CaseStatus.EXTRACTING : CaseStatus.AWAITING_DECISION;
    }

    public void recordExtraction(Extraction result) {
        requireStatus("enregistrer l'extraction", CaseStatus.EXTRACTING);
        this.extraction = Objects.requireNonNull(result, "result");
        status = CaseStatus.AWAITING_DECISION;
    }

    /** Every rule the decision breaks, by input field ({@code decision}, {@code grounds}, {@code viewing.at}). */
    public List<RuleViolation> checkDecision(DecisionKind kind, Collection<RefusalGround> grounds, Instant viewingAt,
                                             Instant now) {
        List<RuleViolation> violations = new ArrayList<>();
        if (kind == null) {
            violations.add(new RuleViolation("decision", "La décision est obligatoire."));
            return violations;
        }
        if (kind.needsGrounds() && grounds.isEmpty()) {
            violations.add(new RuleViolation("grounds", "Un refus ou une communication partielle doit citer au moins "
                    + "un motif du catalogue."));
        }
        if (!kind.needsGrounds() && !grounds.isEmpty()) {
            violations.add(new RuleViolation("grounds", "Les motifs de restriction ne s'appliquent qu'à un refus ou à "
                    + "une communication partielle."));
        }
        RecordRegime regime = qualification == null ? null : qualification.regime();
        for (RefusalGround ground : grounds) {
            if (ground.regime() != regime) {
                violations.add(new RuleViolation("grounds", "Le motif " + ground.code() + " (" + ground.legalBasis()
                        + ") ne s'applique pas au régime retenu pour ce dossier (" + regime + ")."));
            }
        }
        if (kind.communicatesFootage()) {
            if (extraction == null) {
                violations.add(new RuleViolation("decision", "Aucun extrait n'a été produit : les images ne peuvent pas "
                        + "être communiquées."));
            } else if (extraction.masking() == Masking.IMPOSSIBLE && kind != DecisionKind.PARTIAL) {
                violations.add(new RuleViolation("decision", "Les tiers ne peuvent pas être masqués : seule une "
                        + "communication partielle ou un refus est possible (RGPD art. 15(4))."));
            }
        }
        if (kind == DecisionKind.GRANT_VIEWING) {
            if (viewingAt == null) {
                violations.add(new RuleViolation("viewing.at", "Le rendez-vous de visionnage est obligatoire."));
            } else if (!viewingAt.isAfter(now)) {
                violations.add(new RuleViolation("viewing.at", "Le rendez-vous de visionnage doit être dans le futur."));
            }
        } else if (viewingAt != null) {
            violations.add(new RuleViolation("viewing.at", "Un rendez-vous ne concerne que le visionnage sur place."));
        }
        return violations;
    }

    public void decide(Decision newDecision, Collection<RefusalGround> grounds, Instant now) {
        requireStatus("décider", CaseStatus.AWAITING_DECISION);
        List<RuleViolation> violations = checkDecision(newDecision.kind(), grounds, newDecision.viewingAt(), now);
        if (!violations.isEmpty()) {
            throw new IllegalArgumentException("Decision breaks " + violations);
        }
        this.decision = newDecision;
        this.refusalGrounds.clear();
        this.refusalGrounds.addAll(grounds);
        status = newDecision.kind() == DecisionKind.GRANT_VIEWING ? CaseStatus.VIEWING_SCHEDULED : CaseStatus.DECIDED;
    }

    /** The masked copy is downloadable until the returned instant (policy). */
    /**
     * The answer letter announces until when the copy stays available: the date is fixed when the letter is written
     * and kept when the copy is published just after. Returns it.
     */
    public Instant announceDelivery(Instant now, CaseClock clock) {
        requireStatus("annoncer la mise à disposition", CaseStatus.DECIDED);
        if (deadlines.deliveryExpiresAt() == null) {
            deadlines = deadlines.withDeliveryExpiresAt(clock.deliveryExpiry(now));
        }
        return deadlines.deliveryExpiresAt();
    }

    public Instant publishDelivery(Instant now, CaseClock clock) {
        requireStatus("mettre à disposition", CaseStatus.DECIDED);
        if (decision == null || (decision.kind() != DecisionKind.GRANT_COPY && decision.kind() != DecisionKind.PARTIAL)) {
            throw new CaseStateException("nothing-to-deliver", "La décision ne prévoit pas de copie.");
        }
        if (deadlines.deliveryExpiresAt() == null) {
            deadlines = deadlines.withDeliveryExpiresAt(clock.deliveryExpiry(now));
        }
        status = CaseStatus.MADE_AVAILABLE;
        return deadlines.deliveryExpiresAt();
    }

    public void recordViewing(ViewingOutcome outcome) {
        requireStatus("enregistrer le visionnage", CaseStatus.VIEWING_SCHEDULED);
        decision = decision.withViewingOutcome(outcome);
    }

    /** Verification request: what the archive says about the window, and when pending destruction is due. */
    public void recordDestructionFinding(DestructionFinding finding, Instant dueAt) {
        requireStatus("vérifier la destruction", CaseStatus.CHECKING_DESTRUCTION, CaseStatus.AWAITING_DESTRUCTION);
        this.destructionFinding = Objects.requireNonNull(finding, "finding");
        if (finding == DestructionFinding.PENDING) {
            this.destructionDueAt = Objects.requireNonNull(dueAt, "dueAt");
            status = CaseStatus.AWAITING_DESTRUCTION;
        } else {
            status = CaseStatus.DECIDED;
        }
    }

    // --- the answer clock (GDPR art. 12(3)) -------------------------------------------------------------------

    /** The DPO asks for the one extension, with reasons; the process then grants or refuses it. */
    public void requestExtension(String reasons, String requestedBy, Instant now) {
        requireOpen("prolonger le délai");
        if (!status.isBeforeAnswer()) {
            throw new CaseStateException("already-answered", "La décision est déjà prise : le délai de réponse ne "
                    + "peut plus être prolongé.");
        }
        if (extension != null && extension.isGranted()) {
            throw new CaseStateException("already-extended", "Le délai de réponse a déjà été prolongé une fois "
                    + "(RGPD art. 12(3) : une seule prolongation de deux mois).");
        }
        if (extension != null) {
            throw new CaseStateException("extension-pending", "Une prolongation est déjà en cours de traitement.");
        }
        if (isClockPaused()) {
            throw new CaseStateException("clock-paused", "Le délai de réponse est suspendu dans l'attente d'un "
                    + "complément : il n'y a rien à prolonger.");
        }
        extension = new ResponseExtension(reasons, requestedBy, now);
    }

    /** Grants the requested extension if the first period is still running; otherwise nothing changes. */
    public ResponseDates grantExtension(Instant now, CaseClock clock) {
        if (extension == null || extension.isGranted()) {
            throw new CaseStateException("no-extension-request", "Aucune prolongation n'est demandée.");
        }
        if (now.isAfter(deadlines.responseDue())) {
            throw new ExtensionTooLateException(deadlines.responseDue());
        }
        Instant previous = deadlines.responseDue();
        deadlines = deadlines.withResponse(clock.extended(previous));
        extension = extension.granted(now, previous);
        overdue = false;
        return deadlines.response();
    }

    /** A refused extension request leaves no trace on the case (the journal keeps it). */
    public void dropExtensionRequest() {
        if (extension != null && !extension.isGranted()) {
            extension = null;
        }
    }

    /** The answer is overdue (the response timer fired before the answer was sent). */
    public void markOverdue() {
        overdue = true;
    }

    // --- closure, withdrawal, purge ---------------------------------------------------------------------------

    public Instant close(Instant now, CaseClock clock) {
        requireStatus("clôturer", CaseStatus.DECIDED, CaseStatus.VIEWING_SCHEDULED, CaseStatus.MADE_AVAILABLE);
        return closeWith(ClosureReason.ANSWERED, now, clock);
    }

    /** The requester withdraws: possible until closure. Returns when the personal data will be purged. */
    public Instant withdraw(Instant now, CaseClock clock) {
        if (!status.isOpen()) {
            throw new CaseStateException("case-closed", status == CaseStatus.WITHDRAWN
                    ? "La demande a déjà été retirée." : "Le dossier est clôturé : la demande ne peut plus être retirée.");
        }
        status = CaseStatus.WITHDRAWN;
        withdrawnAt = now;
        clockPausedAt = null;
        daysLeftAtPause = null;
        deadlines = deadlines.withPersonalDataPurgeAt(clock.personalDataPurge(now));
        return deadlines.personalDataPurgeAt();
    }

    /** Storage limitation (GDPR art. 5(1)(e)): the case keeps its references and dates, not the person's data. */
    public void purgePersonalData(Instant now) {
        if (status.isOpen()) {
            throw new CaseStateException("case-open", "Un dossier en cours ne peut pas être purgé.");
        }
        if (personalDataPurgedAt != null) {
            return;
        }
        requester = new Requester(PURGED, PURGED, null);
        facts = facts.withoutPersonalData(PURGED);
        if (qualification != null) {
            qualification = qualification.withoutPersonalData();
        }
        if (search != null) {
            search = search.withoutPersonalData();
        }
        if (extraction != null) {
            extraction = extraction.withoutPersonalData();
        }
        if (decision != null) {
            decision = decision.withoutPersonalData();
        }
        personalDataPurgedAt = now;
    }

    private Instant closeWith(ClosureReason reason, Instant now, CaseClock clock) {
        status = CaseStatus.CLOSED;
        closureReason = reason;
        closedAt = now;
        deadlines = deadlines.withPersonalDataPurgeAt(clock.personalDataPurge(now));
        return deadlines.personalDataPurgeAt();
    }

    private void requireStatus(String step, CaseStatus... allowed) {
        if (!EnumSet.of(allowed[0], allowed).contains(status)) {
            throw new CaseStateException(status.isOpen() ? "wrong-status" : "case-closed",
                    "Impossible de " + step + " : le dossier " + reference + " est au statut « " + status.label() + " ».");
        }
    }

    private void requireOpen(String step) {
        if (!status.isOpen()) {
            throw new CaseStateException("case-closed",
                    "Impossible de " + step + " : le dossier " + reference + " est « " + status.label() + " ».");
        }
    }

    // --- reading ------------------------------------------------------------------------------------------------

    public Long id() {
        return id;
    }

    public CaseReference reference() {
        return new CaseReference(reference);
    }

    public RequestKind kind() {
        return kind;
    }

    public IntakeChannel channel() {
        return channel;
    }

    public CaseStatus status() {
        return status;
    }

    public Requester requester() {
        return requester;
    }

    public Facts facts() {
        return facts;
    }

    public CaseDeadlines deadlines() {
        return deadlines;
    }

    /** The registered letter's number, for a request received by post (null otherwise or when not given). */
    public String intakeRegisteredMail() {
        return intakeRegisteredMail;
    }

    /** At intake: the registered letter that brought the request. */
    public void recordIntakeRegisteredMail(String number) {
        if (channel != IntakeChannel.LETTER && number != null) {
            throw new IllegalStateException("Only a postal request has a registered letter number");
        }
        this.intakeRegisteredMail = number;
    }

    public Instant receivedAt() {
        return receivedAt;
    }

    public String processInstanceId() {
        return processInstanceId;
    }

    public boolean withinCharterWindow() {
        return !Boolean.FALSE.equals(withinCharterWindow);
    }

    public Qualification qualification() {
        return qualification;
    }

    public boolean isClockPaused() {
        return clockPausedAt != null;
    }

    public Instant clockPausedAt() {
        return clockPausedAt;
    }

    public Integer daysLeftAtPause() {
        return daysLeftAtPause;
    }

    public ResponseExtension extension() {
        return extension;
    }

    public boolean isOverdue() {
        return overdue;
    }

    public FootageSearch search() {
        return search;
    }

    public Extraction extraction() {
        return extraction;
    }

    public Decision decision() {
        return decision;
    }

    /** The catalogue grounds of the decision, in catalogue order. */
    public List<RefusalGround> refusalGrounds() {
        return refusalGrounds.stream().sorted().toList();
    }

    public DestructionFinding destructionFinding() {
        return destructionFinding;
    }

    public Instant destructionDueAt() {
        return destructionDueAt;
    }

    public Instant closedAt() {
        return closedAt;
    }

    public ClosureReason closureReason() {
        return closureReason;
    }

    public Instant withdrawnAt() {
        return withdrawnAt;
    }

    public Instant personalDataPurgedAt() {
        return personalDataPurgedAt;
    }
}
