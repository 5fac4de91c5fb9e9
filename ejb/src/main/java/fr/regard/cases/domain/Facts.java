package fr.regard.cases.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import java.time.Instant;
import java.util.Objects;

/**
 * What the requester says happened: when (a window of time), where, and a free description. The window
 * drives the charter's 8-day filing window (from its end) and the footage to preserve (from its start).
 */
@Embeddable
public class Facts {

    /** The place of provisional facts, until the DPO confirms them (an e-mail request). */
    public static final String TO_CONFIRM = "À préciser (demande reçue par courriel : faits à confirmer par le DPO)";

    @Column(name = "facts_start", nullable = false)
    private Instant start;

    @Column(name = "facts_end", nullable = false)
    private Instant end;

    @Column(name = "facts_place", nullable = false, length = 500)
    private String place;

    @Column(name = "facts_description", length = 4000)
    private String description;

    protected Facts() {
        // JPA
    }

    public Facts(Instant start, Instant end, String place, String description) {
        this.start = Objects.requireNonNull(start, "start");
        this.end = Objects.requireNonNull(end, "end");
        if (end.isBefore(start)) {
            throw new IllegalArgumentException("The facts end before they start");
        }
        this.place = Objects.requireNonNull(place, "place");
        this.description = description;
    }

    /** The same window, without what the requester wrote (purge); the window stays, it is not personal alone. */
    Facts withoutPersonalData(String placeholder) {
        return new Facts(start, end, placeholder, null);
    }

    public Instant start() {
        return start;
    }

    public Instant end() {
        return end;
    }

    public String place() {
        return place;
    }

    public String description() {
        return description;
    }
}
