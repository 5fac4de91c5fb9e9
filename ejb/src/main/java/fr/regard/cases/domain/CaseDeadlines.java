package fr.regard.cases.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import java.time.Instant;
import java.util.Objects;

/**
 * The legal clocks of one case, as instants (shown in Europe/Paris):
 * <ul>
 *   <li>{@code charterWindowEnd}: end of the charter's filing window (art. 3.2, 8 days after the facts);</li>
 *   <li>{@code preservationDeadline}: when the 14-day purge reaches the first requested footage (CSI L252-5),
 *       the time before which a hold must be in place;</li>
 *   <li>{@code responseDue}: the one-month answer of GDPR art. 12(3), per Regulation 1182/71.</li>
 * </ul>
 */
@Embeddable
public class CaseDeadlines {

    @Column(name = "charter_window_end", nullable = false)
    private Instant charterWindowEnd;

    @Column(name = "preservation_deadline", nullable = false)
    private Instant preservationDeadline;

    @Column(name = "response_due", nullable = false)
    private Instant responseDue;

    protected CaseDeadlines() {
        // JPA
    }

    public CaseDeadlines(Instant charterWindowEnd, Instant preservationDeadline, Instant responseDue) {
        this.charterWindowEnd = Objects.requireNonNull(charterWindowEnd, "charterWindowEnd");
        this.preservationDeadline = Objects.requireNonNull(preservationDeadline, "preservationDeadline");
        this.responseDue = Objects.requireNonNull(responseDue, "responseDue");
    }

    public Instant charterWindowEnd() {
        return charterWindowEnd;
    }

    public Instant preservationDeadline() {
        return preservationDeadline;
    }

    public Instant responseDue() {
        return responseDue;
    }
}
