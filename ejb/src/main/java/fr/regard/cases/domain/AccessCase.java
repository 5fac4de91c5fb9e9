package fr.regard.cases.domain;

import jakarta.persistence.AttributeOverride;
import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.Objects;

/**
 * A request from one person about the footage that concerns them, from receipt to closure (the aggregate).
 *
 * <p>Lifecycle: received through a channel (its receipt time starts the legal answer clock, GDPR art. 12(3))
 * → à qualifier → … → clôturée. The detailed path is the {@code access-request} BPMN process whose business
 * key is the case reference; the case keeps the summary status, the deadlines and the link to that process.
 * The requester reaches the case without an account through a secret tracking link: only the SHA-256 of
 * that secret is stored, so a database reader cannot impersonate the requester.
 */
@Entity
@Table(name = "access_case")
public class AccessCase {

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

    @Column(name = "tracking_token_hash", nullable = false, unique = true, length = 64)
    private String trackingTokenHash;

    @Column(name = "process_instance_id", length = 64)
    private String processInstanceId;

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
        this.status = CaseStatus.AWAITING_QUALIFICATION;
    }

    /** Links the case to the process instance that carries it; set once, at intake. */
    public void attachProcess(String processInstanceId) {
        if (this.processInstanceId != null) {
            throw new IllegalStateException("Case " + reference + " already has a process");
        }
        this.processInstanceId = Objects.requireNonNull(processInstanceId, "processInstanceId");
    }

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

    public Instant receivedAt() {
        return receivedAt;
    }

    public String processInstanceId() {
        return processInstanceId;
    }
}
