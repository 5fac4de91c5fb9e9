package fr.regard.cases.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import java.time.Instant;
import java.util.Objects;

/**
 * The DPO's qualification of a request: regime, identity, precision. Décret 2019-536: identity is proven by any
 * means and a signed copy of an ID is asked only on reasonable doubt; an imprecise request is completed by the
 * requester. Either case needs a complement, and {@code missingInformation} says what the letter asks for.
 */
@Embeddable
public class Qualification {

    @Enumerated(EnumType.STRING)
    @Column(name = "regime", length = 20)
    private RecordRegime regime;

    @Column(name = "identity_doubt")
    private Boolean identityDoubt;

    @Column(name = "request_precise")
    private Boolean precise;

    @Column(name = "missing_information", length = 2000)
    private String missingInformation;

    @Column(name = "qualified_at")
    private Instant qualifiedAt;

    @Column(name = "qualified_by", length = 100)
    private String qualifiedBy;

    protected Qualification() {
        // JPA
    }

    public Qualification(RecordRegime regime, boolean identityDoubt, boolean precise, String missingInformation,
                         String qualifiedBy, Instant qualifiedAt) {
        this.regime = Objects.requireNonNull(regime, "regime");
        this.identityDoubt = identityDoubt;
        this.precise = precise;
        this.missingInformation = missingInformation == null || missingInformation.isBlank() ? null : missingInformation.strip();
        if (complementNeeded() && this.missingInformation == null) {
            throw new IllegalArgumentException("a complement must say what is missing");
        }
        this.qualifiedBy = Objects.requireNonNull(qualifiedBy, "qualifiedBy");
        this.qualifiedAt = Objects.requireNonNull(qualifiedAt, "qualifiedAt");
    }

    /** A complement is needed on reasonable doubt about identity or when the request is imprecise. */
    public boolean complementNeeded() {
        return Boolean.TRUE.equals(identityDoubt) || !Boolean.TRUE.equals(precise);
    }

    public RecordRegime regime() {
        return regime;
    }

    public boolean identityDoubt() {
        return Boolean.TRUE.equals(identityDoubt);
    }

    public boolean precise() {
        return Boolean.TRUE.equals(precise);
    }

    public String missingInformation() {
        return missingInformation;
    }

    public Instant qualifiedAt() {
        return qualifiedAt;
    }

    public String qualifiedBy() {
        return qualifiedBy;
    }

    Qualification withoutPersonalData() {
        Qualification copy = new Qualification();
        copy.regime = regime;
        copy.identityDoubt = identityDoubt;
        copy.precise = precise;
        copy.qualifiedAt = qualifiedAt;
        copy.qualifiedBy = qualifiedBy;
        return copy;
    }
}
