package fr.regard.archive.domain;

import java.time.Instant;
import java.util.Objects;

/**
 * What the archive says about a window's footage: destroyed, still to be destroyed (and by when), or kept under a
 * judicial hold (CSI L252-5 exception). {@code verified} is false when the answer comes from the retention policy
 * rather than from the archive itself; {@code note} says so in French.
 */
public record DestructionReport(State state, Instant destroyedBy, boolean verified, String note) {

    public enum State { DESTROYED, PENDING, JUDICIAL_HOLD }

    public DestructionReport {
        Objects.requireNonNull(state, "state");
        if (state == State.PENDING) {
            Objects.requireNonNull(destroyedBy, "a pending destruction has a date");
        }
    }
}
