package fr.regard.cases.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import java.time.Instant;
import java.util.Objects;

/**
 * The legal clocks of one case, as instants (shown in Europe/Paris), all computed by {@link CaseClock}:
 * <ul>
 *   <li>{@code charterWindowEnd}: end of the charter's filing window (art. 3.2, 8 days after the facts);</li>
 *   <li>{@code preservationDeadline}: when the 14-day purge reaches the first requested footage (CSI L252-5),
 *       the time before which a hold must be in place;</li>
 *   <li>{@code responseDue}: the one-month answer of GDPR art. 12(3), per Regulation 1182/71, moved by a pause
 *       during a complement or by the extension; {@code responseReminderAt}: when the DPO queue is reminded;</li>
 *   <li>{@code complementReminderAt}, {@code complementDeadline}: while a complement is awaited (décret 2019-536);</li>
 *   <li>{@code deliveryExpiresAt}: end of the download of a masked copy; {@code personalDataPurgeAt}: when a
 *       closed case loses its personal data.</li>
 * </ul>
 * Immutable: a change is a new value, so that the case journals every move of a date it makes.
 */
@Embeddable
public class CaseDeadlines {

    @Column(name = "charter_window_end", nullable = false)
    private Instant charterWindowEnd;

    @Column(name = "preservation_deadline", nullable = false)
    private Instant preservationDeadline;

    @Column(name = "response_due", nullable = false)
    private Instant responseDue;

    @Column(name = "response_reminder_at")
    private Instant responseReminderAt;

    @Column(name = "complement_reminder_at")
    private Instant complementReminderAt;

    @Column(name = "complement_deadline")
    private Instant complementDeadline;

    @Column(name = "delivery_expires_at")
    private Instant deliveryExpiresAt;

    @Column(name = "personal_data_purge_at")
    private Instant personalDataPurgeAt;

    protected CaseDeadlines() {
        // JPA
    }

    public CaseDeadlines(Instant charterWindowEnd, Instant preservationDeadline, Instant responseDue) {
        this(charterWindowEnd, preservationDeadline, responseDue, null);
    }

    public CaseDeadlines(Instant charterWindowEnd, Instant preservationDeadline, Instant responseDue,
                         Instant responseReminderAt) {
        this.charterWindowEnd = Objects.requireNonNull(charterWindowEnd, "charterWindowEnd");
        this.preservationDeadline = Objects.requireNonNull(preservationDeadline, "preservationDeadline");
        this.responseDue = Objects.requireNonNull(responseDue, "responseDue");
        this.responseReminderAt = responseReminderAt;
    }

    private CaseDeadlines copy() {
        CaseDeadlines copy = new CaseDeadlines(charterWindowEnd, preservationDeadline, responseDue, responseReminderAt);
        copy.complementReminderAt = complementReminderAt;
        copy.complementDeadline = complementDeadline;
        copy.deliveryExpiresAt = deliveryExpiresAt;
        copy.personalDataPurgeAt = personalDataPurgeAt;
        return copy;
    }

    CaseDeadlines withFactsDates(Instant charterWindowEnd, Instant preservationDeadline) {
        CaseDeadlines copy = copy();
        copy.charterWindowEnd = Objects.requireNonNull(charterWindowEnd, "charterWindowEnd");
        copy.preservationDeadline = Objects.requireNonNull(preservationDeadline, "preservationDeadline");
        return copy;
    }

    CaseDeadlines withResponse(ResponseDates dates) {
        CaseDeadlines copy = copy();
        copy.responseDue = dates.responseDue();
        copy.responseReminderAt = dates.reminderAt();
        return copy;
    }

    CaseDeadlines withComplement(ComplementDates dates) {
        CaseDeadlines copy = copy();
        copy.complementReminderAt = dates == null ? null : dates.reminderAt();
        copy.complementDeadline = dates == null ? null : dates.deadline();
        return copy;
    }

    CaseDeadlines withDeliveryExpiresAt(Instant instant) {
        CaseDeadlines copy = copy();
        copy.deliveryExpiresAt = instant;
        return copy;
    }

    CaseDeadlines withPersonalDataPurgeAt(Instant instant) {
        CaseDeadlines copy = copy();
        copy.personalDataPurgeAt = instant;
        return copy;
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

    public Instant responseReminderAt() {
        return responseReminderAt;
    }

    public ResponseDates response() {
        return new ResponseDates(responseDue, responseReminderAt);
    }

    public Instant complementReminderAt() {
        return complementReminderAt;
    }

    public Instant complementDeadline() {
        return complementDeadline;
    }

    public Instant deliveryExpiresAt() {
        return deliveryExpiresAt;
    }

    public Instant personalDataPurgeAt() {
        return personalDataPurgeAt;
    }
}
