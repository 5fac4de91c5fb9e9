package fr.regard.cases.domain;

import java.time.Period;
import java.util.Objects;

/**
 * The city's settings for every clock of a case, in one place (DOMAIN.md "Timelines"). {@link CaseClock} turns
 * them into dates with the legal calendar; the BPMN only waits for those dates. No period is written anywhere
 * else in code or in the processes.
 *
 * @param filingWindowDays           charter art. 3.2: days after the facts to file a request (8)
 * @param retentionDays              footage retention set by the prefectoral authorisation (14); CSI L252-5 caps it
 *                                   at one month, so more than 31 days is refused
 * @param responseMonths             GDPR art. 12(3): months to answer (1)
 * @param extensionMonths            GDPR art. 12(3): further months, only with a reasoned notice inside the first (2)
 * @param responseReminderDays       days before the answer is due when the DPO queue is reminded (7)
 * @param complementDays             days the requester has to send a requested complement (15), décret 2019-536
 * @param complementReminderDays     days after the request for a complement when the requester is reminded (10);
 *                                   strictly inside {@code complementDays}
 * @param deliveryDays               days a masked copy stays downloadable before the extract is destroyed (30)
 * @param caseDataRetention          how long a closed case keeps its personal data before the purge (P1Y)
 * @param pauseClockDuringComplement whether the answer period stops while the requester owes a complement (true:
 *                                   the period cannot run while the city cannot act; a city may choose otherwise)
 * @param judicialHoldReviewMonths   months after which a judicial hold still in place is shown to the DPO "à
 *                                   réexaminer" (6): it lasts until the requisition's authority lifts it, but nobody
 *                                   should forget it (CSI L252-5 allows keeping footage only for the proceedings)
 */
public record CasePolicy(int filingWindowDays, int retentionDays, int responseMonths, int extensionMonths,
                         int responseReminderDays, int complementDays, int complementReminderDays, int deliveryDays,
                         Period caseDataRetention, boolean pauseClockDuringComplement,
                         int judicialHoldReviewMonths) {

    /** CSI L252-5: recordings are never kept more than one month. */
    public static final int MAX_RETENTION_DAYS = 31;
    /** A reminder must fall inside the shortest answer period (28 days in February). */
    public static final int MAX_RESPONSE_REMINDER_DAYS = 27;
    /** A copy is not kept longer than needed (GDPR art. 5(1)(e)); three months is already generous. */
    public static final int MAX_DELIVERY_DAYS = 90;

    /** A judicial hold is reviewed at least every two years. */
    public static final int MAX_JUDICIAL_HOLD_REVIEW_MONTHS = 24;

    public static final CasePolicy DEFAULT = new CasePolicy(8, 14, 1, 2, 7, 15, 10, 30, Period.ofYears(1), true, 6);

    public CasePolicy {
        Objects.requireNonNull(caseDataRetention, "caseDataRetention");
        if (filingWindowDays < 1) {
            throw new IllegalArgumentException("filing window must be at least one day: " + filingWindowDays);
        }
        if (retentionDays < 1 || retentionDays > MAX_RETENTION_DAYS) {
            throw new IllegalArgumentException("retention must be between 1 and " + MAX_RETENTION_DAYS
                    + " days (CSI L252-5): " + retentionDays);
        }
        if (responseMonths != 1) {
            throw new IllegalArgumentException("GDPR art. 12(3) sets the answer at one month: " + responseMonths);
        }
        if (extensionMonths < 0 || extensionMonths > 2) {
            throw new IllegalArgumentException("GDPR art. 12(3) allows at most two more months: " + extensionMonths);
        }
        if (responseReminderDays < 1 || responseReminderDays > MAX_RESPONSE_REMINDER_DAYS) {
            throw new IllegalArgumentException("the DPO reminder must come 1 to " + MAX_RESPONSE_REMINDER_DAYS
                    + " days before the answer is due: " + responseReminderDays);
        }
        if (complementDays < 2) {
            throw new IllegalArgumentException("the requester needs at least two days for a complement: " + complementDays);
        }
        if (complementReminderDays < 1 || complementReminderDays >= complementDays) {
            throw new IllegalArgumentException("the complement reminder must come before the complement deadline ("
                    + complementDays + " days): " + complementReminderDays);
        }
        if (deliveryDays < 1 || deliveryDays > MAX_DELIVERY_DAYS) {
            throw new IllegalArgumentException("a copy stays available 1 to " + MAX_DELIVERY_DAYS + " days: " + deliveryDays);
        }
        if (caseDataRetention.isNegative() || caseDataRetention.isZero()) {
            throw new IllegalArgumentException("closed cases must be kept for a positive period: " + caseDataRetention);
        }
        if (judicialHoldReviewMonths < 1 || judicialHoldReviewMonths > MAX_JUDICIAL_HOLD_REVIEW_MONTHS) {
            throw new IllegalArgumentException("a judicial hold is reviewed after 1 to " + MAX_JUDICIAL_HOLD_REVIEW_MONTHS
                    + " months: " + judicialHoldReviewMonths);
        }
    }

    public static Builder builder() {
        return new Builder(DEFAULT);
    }

    public Builder toBuilder() {
        return new Builder(this);
    }

    /** Changes some settings of a policy; {@link #build()} checks the result. */
    public static final class Builder {
        private int filingWindowDays;
        private int retentionDays;
        private int responseMonths;
        private int extensionMonths;
        private int responseReminderDays;
        private int complementDays;
        private int complementReminderDays;
        private int deliveryDays;
        private Period caseDataRetention;
        private boolean pauseClockDuringComplement;
        private int judicialHoldReviewMonths;

        private Builder(CasePolicy from) {
            filingWindowDays = from.filingWindowDays;
            retentionDays = from.retentionDays;
            responseMonths = from.responseMonths;
            extensionMonths = from.extensionMonths;
            responseReminderDays = from.responseReminderDays;
            complementDays = from.complementDays;
            complementReminderDays = from.complementReminderDays;
            deliveryDays = from.deliveryDays;
            caseDataRetention = from.caseDataRetention;
            pauseClockDuringComplement = from.pauseClockDuringComplement;
            judicialHoldReviewMonths = from.judicialHoldReviewMonths;
        }

        public Builder filingWindowDays(int value) { filingWindowDays = value; return this; }
        public Builder retentionDays(int value) { retentionDays = value; return this; }
        public Builder responseMonths(int value) { responseMonths = value; return this; }
        public Builder extensionMonths(int value) { extensionMonths = value; return this; }
        public Builder responseReminderDays(int value) { responseReminderDays = value; return this; }
        public Builder complementDays(int value) { complementDays = value; return this; }
        public Builder complementReminderDays(int value) { complementReminderDays = value; return this; }
        public Builder deliveryDays(int value) { deliveryDays = value; return this; }
        public Builder caseDataRetention(Period value) { caseDataRetention = value; return this; }
        public Builder pauseClockDuringComplement(boolean value) { pauseClockDuringComplement = value; return this; }
        public Builder judicialHoldReviewMonths(int value) { judicialHoldReviewMonths = value; return this; }

        public CasePolicy build() {
            return new CasePolicy(filingWindowDays, retentionDays, responseMonths, extensionMonths, responseReminderDays,
                    complementDays, complementReminderDays, deliveryDays, caseDataRetention, pauseClockDuringComplement,
                    judicialHoldReviewMonths);
        }
    }
}
