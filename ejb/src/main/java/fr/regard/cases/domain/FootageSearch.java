package fr.regard.cases.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import java.time.Instant;
import java.util.Objects;

/**
 * The operator's search of the recordings for a case: outcome, cameras looked at, and for footage already gone the
 * date it was destroyed (the "images détruites" letter gives it). Searching means viewing footage: the purpose is
 * journalled with it (CSI L253-5 as rewritten in 2023: access by habilitated agents only, traceable).
 */
@Embeddable
public class FootageSearch {

    @Enumerated(EnumType.STRING)
    @Column(name = "search_outcome", length = 20)
    private SearchOutcome outcome;

    @Column(name = "search_cameras", length = 1000)
    private String cameras;

    @Column(name = "search_note", length = 2000)
    private String note;

    @Column(name = "footage_destroyed_at")
    private Instant destroyedAt;

    @Column(name = "searched_at")
    private Instant searchedAt;

    @Column(name = "searched_by", length = 100)
    private String searchedBy;

    protected FootageSearch() {
        // JPA
    }

    public FootageSearch(SearchOutcome outcome, String cameras, String note, Instant destroyedAt,
                         String searchedBy, Instant searchedAt) {
        this.outcome = Objects.requireNonNull(outcome, "outcome");
        if (outcome == SearchOutcome.FOUND && (cameras == null || cameras.isBlank())) {
            throw new IllegalArgumentException("found footage names its cameras");
        }
        this.cameras = cameras;
        this.note = note;
        this.destroyedAt = destroyedAt;
        this.searchedBy = Objects.requireNonNull(searchedBy, "searchedBy");
        this.searchedAt = Objects.requireNonNull(searchedAt, "searchedAt");
    }

    public SearchOutcome outcome() {
        return outcome;
    }

    public String cameras() {
        return cameras;
    }

    public String note() {
        return note;
    }

    public Instant destroyedAt() {
        return destroyedAt;
    }

    public Instant searchedAt() {
        return searchedAt;
    }

    public String searchedBy() {
        return searchedBy;
    }

    FootageSearch withoutPersonalData() {
        FootageSearch copy = new FootageSearch();
        copy.outcome = outcome;
        copy.cameras = cameras;
        copy.destroyedAt = destroyedAt;
        copy.searchedAt = searchedAt;
        copy.searchedBy = searchedBy;
        return copy;
    }
}
