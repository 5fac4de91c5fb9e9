package fr.regard.cases.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import java.time.Instant;
import java.util.Objects;

/**
 * The one extension of the answer period a case may get (GDPR art. 12(3)): asked by the DPO with reasons, then
 * granted by the process if the first period has not ended, together with the notice to the requester.
 */
@Embeddable
public class ResponseExtension {

    @Column(name = "extension_requested_at")
    private Instant requestedAt;

    @Column(name = "extension_requested_by", length = 100)
    private String requestedBy;

    @Column(name = "extension_reasons", length = 2000)
    private String reasons;

    @Column(name = "extension_granted_at")
    private Instant grantedAt;

    @Column(name = "response_due_before_extension")
    private Instant dueBefore;

    protected ResponseExtension() {
        // JPA
    }

    ResponseExtension(String reasons, String requestedBy, Instant requestedAt) {
        if (reasons == null || reasons.isBlank()) {
            throw new IllegalArgumentException("an extension states its reasons (GDPR art. 12(3))");
        }
        this.reasons = reasons.strip();
        this.requestedBy = Objects.requireNonNull(requestedBy, "requestedBy");
        this.requestedAt = Objects.requireNonNull(requestedAt, "requestedAt");
    }

    ResponseExtension granted(Instant at, Instant previousDue) {
        ResponseExtension copy = new ResponseExtension(reasons, requestedBy, requestedAt);
        copy.grantedAt = Objects.requireNonNull(at, "at");
        copy.dueBefore = Objects.requireNonNull(previousDue, "previousDue");
        return copy;
    }

    public boolean isGranted() {
        return grantedAt != null;
    }

    public Instant requestedAt() {
        return requestedAt;
    }

    public String requestedBy() {
        return requestedBy;
    }

    public String reasons() {
        return reasons;
    }

    public Instant grantedAt() {
        return grantedAt;
    }

    public Instant dueBefore() {
        return dueBefore;
    }
}
