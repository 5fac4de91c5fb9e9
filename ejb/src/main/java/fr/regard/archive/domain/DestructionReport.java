package fr.regard.archive.domain;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * What the archive says about a window's footage: destroyed (by which purge batches), still to be destroyed (and by
 * when), or kept under a judicial hold (CSI L252-5 exception). {@code verified} is false when the answer comes from the
 * retention policy rather than from the archive's index itself; {@code note} says so in French. {@code purgeBatches}
 * names the batches whose records (and daily attestation) prove a destruction.
 */
public record DestructionReport(State state, Instant destroyedBy, boolean verified, String note,
                                List<Long> purgeBatches) {

    public enum State { DESTROYED, PENDING, JUDICIAL_HOLD }

    public DestructionReport {
        Objects.requireNonNull(state, "state");
        if (state == State.PENDING) {
            Objects.requireNonNull(destroyedBy, "a pending destruction has a date");
        }
        purgeBatches = purgeBatches == null ? List.of() : List.copyOf(purgeBatches);
    }

    /** An answer that names no purge batch. */
    public DestructionReport(State state, Instant destroyedBy, boolean verified, String note) {
        this(state, destroyedBy, verified, note, List.of());
    }
}
