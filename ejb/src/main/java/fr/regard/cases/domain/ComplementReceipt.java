package fr.regard.cases.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Objects;

/**
 * What the requester sent to complete their request (décret 2019-536), as received. Personal data: purged with the
 * case. A complement that arrives when none is awaited is kept too (filed on the case, the DPO sees it).
 */
@Entity
@Table(name = "case_complement")
public class ComplementReceipt {

    public static final int MAX_LENGTH = 4000;

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "case_complement_seq")
    @SequenceGenerator(name = "case_complement_seq", sequenceName = "case_complement_seq", allocationSize = 1)
    private Long id;

    @Column(name = "case_id", nullable = false)
    private Long caseId;

    @Column(name = "received_at", nullable = false)
    private Instant receivedAt;

    @Column(name = "awaited", nullable = false)
    private boolean awaited;

    @Column(name = "content", nullable = false, length = MAX_LENGTH)
    private String content;

    protected ComplementReceipt() {
        // JPA
    }

    public ComplementReceipt(Long caseId, Instant receivedAt, boolean awaited, String content) {
        this.caseId = Objects.requireNonNull(caseId, "caseId");
        this.receivedAt = Objects.requireNonNull(receivedAt, "receivedAt");
        this.awaited = awaited;
        this.content = Objects.requireNonNull(content, "content");
    }

    public Long id() {
        return id;
    }

    public Instant receivedAt() {
        return receivedAt;
    }

    public boolean awaited() {
        return awaited;
    }

    public String content() {
        return content;
    }
}
