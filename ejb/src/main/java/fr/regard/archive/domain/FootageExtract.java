package fr.regard.archive.domain;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * One camera's window of footage extracted for a case, masked and hashed (table {@code footage_extract}): the copy a
 * person filmed may receive (GDPR art. 15(3)), never harming others (art. 15(4)).
 *
 * <p>Lifecycle: {@code QUEUED} (asked, journalled) → {@code RUNNING} (a worker claimed it; each source segment is
 * checked against its SHA-256 at ingest before use) → {@code DONE} (output hash recorded) or {@code FAILED} (French
 * reason) or {@code CANCELLED}; a {@code DONE} extract becomes {@code DESTROYED} when its delivery ends (file deleted
 * and checked gone; the row stays as the record). A run interrupted by a restart goes back to {@code QUEUED} up to
 * {@link #MAX_ATTEMPTS} times, then {@code FAILED}.
 */
@Entity
@Table(name = "footage_extract")
public class FootageExtract {

    public static final int MAX_ATTEMPTS = 3;
    public static final int MAX_PURPOSE = 1000;
    public static final int MAX_FAILURE = 2000;

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "footage_extract_seq")
    @SequenceGenerator(name = "footage_extract_seq", sequenceName = "footage_extract_seq", allocationSize = 1)
    private Long id;

    @Column(name = "request_id", nullable = false)
    private long requestId;

    @Column(name = "case_id", nullable = false)
    private long caseId;

    @Column(name = "case_reference", nullable = false, length = 20)
    private String caseReference;

    @Column(name = "camera_id", nullable = false, length = 16)
    private String cameraId;

    @Column(name = "window_start", nullable = false)
    private Instant windowStart;

    @Column(name = "window_end", nullable = false)
    private Instant windowEnd;

    @Enumerated(EnumType.STRING)
    @Column(name = "status", nullable = false, length = 12)
    private ExtractStatus status;

    @Column(name = "frames_done", nullable = false)
    private long framesDone;

    @Column(name = "frames_total", nullable = false)
    private long framesTotal;

    @Column(name = "progress_at")
    private Instant progressAt;

    @Column(name = "attempts", nullable = false)
    private int attempts;

    @Column(name = "run_node", length = 100)
    private String runNode;

    @Column(name = "cancel_requested", nullable = false)
    private boolean cancelRequested;

    @Column(name = "masks", nullable = false, length = 20000)
    private String masks;

    @Enumerated(EnumType.STRING)
    @Column(name = "purpose_category", nullable = false, length = 30)
    private ExtractPurpose purposeCategory;

    @Column(name = "purpose", nullable = false, length = MAX_PURPOSE)
    private String purpose;

    @Column(name = "requested_by", nullable = false, length = 100)
    private String requestedBy;

    @Column(name = "requested_role", nullable = false, length = 20)
    private String requestedRole;

    @Column(name = "requested_at", nullable = false)
    private Instant requestedAt;

    @Column(name = "started_at")
    private Instant startedAt;

    @Column(name = "finished_at")
    private Instant finishedAt;

    @Column(name = "failure", length = MAX_FAILURE)
    private String failure;

    @Column(name = "output_location", length = 300)
    private String outputLocation;

    @Column(name = "output_size")
    private Long outputSize;

    @Column(name = "output_sha256", length = 64)
    private String outputSha256;

    @Column(name = "output_duration_ms")
    private Long outputDurationMillis;

    @Column(name = "output_frames")
    private Long outputFrames;

    @Column(name = "output_first_frame")
    private Instant outputFirstFrame;

    @Column(name = "output_end")
    private Instant outputEnd;

    @Column(name = "output_gaps", length = 4000)
    private String outputGaps;

    @Column(name = "engine", length = 100)
    private String engine;

    @Column(name = "applied_masks", length = 20000)
    private String appliedMasks;

    @Column(name = "delivery_expires_at")
    private Instant deliveryExpiresAt;

    @Column(name = "destroyed_at")
    private Instant destroyedAt;

    @Column(name = "destroyed_by", length = 100)
    private String destroyedBy;

    @Column(name = "destroyed_sha256", length = 64)
    private String destroyedSha256;

    @Column(name = "destruction_note", length = 1000)
    private String destructionNote;

    @ElementCollection(fetch = FetchType.LAZY)
    @CollectionTable(name = "footage_extract_source", joinColumns = @JoinColumn(name = "extract_id"))
    @OrderColumn(name = "position")
    private List<ExtractSource> sources = new ArrayList<>();

    protected FootageExtract() {
        // JPA
    }

    public FootageExtract(long requestId, long caseId, String caseReference, String cameraId, Instant windowStart,
                          Instant windowEnd, String masks, ExtractPurpose purposeCategory, String purpose,
                          String requestedBy, String requestedRole, Instant requestedAt) {
        this.requestId = requestId;
        this.caseId = caseId;
        this.caseReference = Objects.requireNonNull(caseReference, "caseReference");
        this.cameraId = CameraIds.check(cameraId);
        this.windowStart = Objects.requireNonNull(windowStart, "windowStart");
        this.windowEnd = Objects.requireNonNull(windowEnd, "windowEnd");
        if (!windowEnd.isAfter(windowStart)) {
            throw new IllegalArgumentException("An extract window ends after it starts");
        }
        this.masks = Objects.requireNonNull(masks, "masks");
        this.purposeCategory = Objects.requireNonNull(purposeCategory, "purposeCategory");
        if (purpose == null || purpose.isBlank() || purpose.length() > MAX_PURPOSE) {
            throw new IllegalArgumentException("An extraction states its purpose (1 to " + MAX_PURPOSE + " characters)");
        }
        this.purpose = purpose.strip();
        this.requestedBy = Objects.requireNonNull(requestedBy, "requestedBy");
        this.requestedRole = Objects.requireNonNull(requestedRole, "requestedRole");
        this.requestedAt = Objects.requireNonNull(requestedAt, "requestedAt");
        this.status = ExtractStatus.QUEUED;
    }

    /** A worker takes the extract: {@code false} when it is no longer queued (another worker, or cancelled). */
    public boolean claim(String node, Instant now) {
        if (status != ExtractStatus.QUEUED) {
            return false;
        }
        status = ExtractStatus.RUNNING;
        attempts++;
        runNode = node;
        startedAt = now;
        progressAt = now;
        framesDone = 0;
        framesTotal = 0;
        return true;
    }

    /** The segments the worker found for the window, replacing those of an earlier, interrupted attempt. */
    public void useSources(List<ExtractSource> found) {
        requireStatus(ExtractStatus.RUNNING);
        sources.clear();
        sources.addAll(found);
    }

    public void progress(long done, long total, Instant now) {
        if (status == ExtractStatus.RUNNING) {
            framesDone = Math.max(0, done);
            framesTotal = Math.max(0, total);
            progressAt = now;
        }
    }

    public void succeed(ExtractOutput output, Instant now) {
        requireStatus(ExtractStatus.RUNNING);
        status = ExtractStatus.DONE;
        outputLocation = output.location();
        outputSize = output.size();
        outputSha256 = output.sha256();
        outputDurationMillis = output.durationMillis();
        outputFrames = output.frames();
        outputFirstFrame = output.firstFrame();
        outputEnd = output.end();
        outputGaps = output.gapsJson();
        appliedMasks = output.appliedMasksJson();
        engine = output.engine();
        framesDone = output.frames();
        framesTotal = output.frames();
        finishedAt = now;
        progressAt = now;
    }

    public void fail(String reason, Instant now) {
        requireStatus(ExtractStatus.RUNNING, ExtractStatus.QUEUED);
        status = ExtractStatus.FAILED;
        failure = reason.length() > MAX_FAILURE ? reason.substring(0, MAX_FAILURE - 1) + "…" : reason;
        finishedAt = now;
    }

    /**
     * Asks the extract to stop: a queued one is cancelled at once ({@code true}); a running one stops at its next
     * progress report ({@code false}: the worker records the cancellation).
     */
    public boolean requestCancel(Instant now) {
        requireStatus(ExtractStatus.QUEUED, ExtractStatus.RUNNING);
        cancelRequested = true;
        if (status == ExtractStatus.QUEUED) {
            status = ExtractStatus.CANCELLED;
            finishedAt = now;
            return true;
        }
        return false;
    }

    public void cancelled(Instant now) {
        requireStatus(ExtractStatus.RUNNING);
        status = ExtractStatus.CANCELLED;
        finishedAt = now;
    }

    /**
     * A run interrupted by a restart: queued again (the output is made from scratch), or failed after
     * {@link #MAX_ATTEMPTS} attempts. Returns whether it was queued again.
     */
    public boolean interrupted(String reason, Instant now) {
        requireStatus(ExtractStatus.RUNNING);
        if (cancelRequested) {
            cancelled(now);
            return false;
        }
        if (attempts >= MAX_ATTEMPTS) {
            fail(reason + " Abandon après " + attempts + " tentatives.", now);
            return false;
        }
        status = ExtractStatus.QUEUED;
        runNode = null;
        framesDone = 0;
        return true;
    }

    /** The file is gone (checked): {@code sha256} is the hash of what was deleted, null when it was already absent. */
    public void destroyed(Instant at, String by, String sha256, String note, Instant deliveryExpiry) {
        requireStatus(ExtractStatus.DONE);
        status = ExtractStatus.DESTROYED;
        destroyedAt = at;
        destroyedBy = by;
        destroyedSha256 = sha256;
        destructionNote = note;
        deliveryExpiresAt = deliveryExpiry;
    }

    private void requireStatus(ExtractStatus... allowed) {
        for (ExtractStatus s : allowed) {
            if (status == s) {
                return;
            }
        }
        throw new IllegalStateException("Extract " + id + " is " + status);
    }

    public Long id() {
        return id;
    }

    public long requestId() {
        return requestId;
    }

    public long caseId() {
        return caseId;
    }

    public String caseReference() {
        return caseReference;
    }

    public String cameraId() {
        return cameraId;
    }

    public Instant windowStart() {
        return windowStart;
    }

    public Instant windowEnd() {
        return windowEnd;
    }

    public ExtractStatus status() {
        return status;
    }

    public long framesDone() {
        return framesDone;
    }

    public long framesTotal() {
        return framesTotal;
    }

    public Instant progressAt() {
        return progressAt;
    }

    public int attempts() {
        return attempts;
    }

    public String runNode() {
        return runNode;
    }

    public boolean cancelRequested() {
        return cancelRequested;
    }

    public String masks() {
        return masks;
    }

    public ExtractPurpose purposeCategory() {
        return purposeCategory;
    }

    public String purpose() {
        return purpose;
    }

    public String requestedBy() {
        return requestedBy;
    }

    public String requestedRole() {
        return requestedRole;
    }

    public Instant requestedAt() {
        return requestedAt;
    }

    public Instant startedAt() {
        return startedAt;
    }

    public Instant finishedAt() {
        return finishedAt;
    }

    public String failure() {
        return failure;
    }

    public String outputLocation() {
        return outputLocation;
    }

    public Long outputSize() {
        return outputSize;
    }

    public String outputSha256() {
        return outputSha256;
    }

    public Long outputDurationMillis() {
        return outputDurationMillis;
    }

    public Long outputFrames() {
        return outputFrames;
    }

    public Instant outputFirstFrame() {
        return outputFirstFrame;
    }

    public Instant outputEnd() {
        return outputEnd;
    }

    public String outputGaps() {
        return outputGaps;
    }

    public String engine() {
        return engine;
    }

    public String appliedMasks() {
        return appliedMasks;
    }

    public Instant deliveryExpiresAt() {
        return deliveryExpiresAt;
    }

    public Instant destroyedAt() {
        return destroyedAt;
    }

    public String destroyedBy() {
        return destroyedBy;
    }

    public String destroyedSha256() {
        return destroyedSha256;
    }

    public String destructionNote() {
        return destructionNote;
    }

    public List<ExtractSource> sources() {
        return List.copyOf(sources);
    }

    /** Progress in whole percent (0 while the total is unknown; 100 once done). */
    public int percent() {
        if (status == ExtractStatus.DONE || status == ExtractStatus.DESTROYED) {
            return 100;
        }
        return framesTotal <= 0 ? 0 : (int) Math.min(100, framesDone * 100 / framesTotal);
    }
}
