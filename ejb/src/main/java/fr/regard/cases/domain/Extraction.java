package fr.regard.cases.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import java.time.Instant;
import java.util.Objects;

/**
 * What the operator extracted for a case and how third parties were masked (GDPR art. 15(4)): the summary the
 * procès-verbal d'extraction is made from (cameras, window, masking, operator).
 */
@Embeddable
public class Extraction {

    @Column(name = "extract_cameras", length = 1000)
    private String cameras;

    @Column(name = "extract_start")
    private Instant windowStart;

    @Column(name = "extract_end")
    private Instant windowEnd;

    @Enumerated(EnumType.STRING)
    @Column(name = "masking", length = 20)
    private Masking masking;

    @Column(name = "extraction_note", length = 2000)
    private String note;

    @Column(name = "extracted_at")
    private Instant extractedAt;

    @Column(name = "extracted_by", length = 100)
    private String extractedBy;

    protected Extraction() {
        // JPA
    }

    public Extraction(String cameras, Instant windowStart, Instant windowEnd, Masking masking, String note,
                      String extractedBy, Instant extractedAt) {
        if (cameras == null || cameras.isBlank()) {
            throw new IllegalArgumentException("an extract names its cameras");
        }
        this.cameras = cameras;
        this.windowStart = Objects.requireNonNull(windowStart, "windowStart");
        this.windowEnd = Objects.requireNonNull(windowEnd, "windowEnd");
        if (!windowEnd.isAfter(windowStart)) {
            throw new IllegalArgumentException("an extract window ends after it starts");
        }
        this.masking = Objects.requireNonNull(masking, "masking");
        this.note = note;
        this.extractedBy = Objects.requireNonNull(extractedBy, "extractedBy");
        this.extractedAt = Objects.requireNonNull(extractedAt, "extractedAt");
    }

    public String cameras() {
        return cameras;
    }

    public Instant windowStart() {
        return windowStart;
    }

    public Instant windowEnd() {
        return windowEnd;
    }

    public Masking masking() {
        return masking;
    }

    public String note() {
        return note;
    }

    public Instant extractedAt() {
        return extractedAt;
    }

    public String extractedBy() {
        return extractedBy;
    }

    Extraction withoutPersonalData() {
        Extraction copy = new Extraction();
        copy.cameras = cameras;
        copy.windowStart = windowStart;
        copy.windowEnd = windowEnd;
        copy.masking = masking;
        copy.extractedAt = extractedAt;
        copy.extractedBy = extractedBy;
        return copy;
    }
}
