package fr.regard.cases.domain;

/**
 * The city's settings for every legal clock, in one place (DOMAIN.md "Timelines"). Code and BPMN read them
 * from here; no period is written anywhere else.
 *
 * @param filingWindowDays charter art. 3.2: days after the facts to file a request (8)
 * @param retentionDays    footage retention set by the prefectoral authorisation (14); CSI L252-5 caps it at
 *                         one month, so more than 31 days is refused
 * @param responseMonths   GDPR art. 12(3): months to answer (1)
 * @param extensionMonths  GDPR art. 12(3): further months, only with a reasoned notice inside the first (2)
 */
public record CasePolicy(int filingWindowDays, int retentionDays, int responseMonths, int extensionMonths) {

    /** CSI L252-5: recordings are never kept more than one month. */
    public static final int MAX_RETENTION_DAYS = 31;

    public static final CasePolicy DEFAULT = new CasePolicy(8, 14, 1, 2);

    public CasePolicy {
        if (filingWindowDays < 1) {
            throw new IllegalArgumentException("filing window must be at least one day: " + filingWindowDays);
        }
        if (retentionDays < 1 || retentionDays > MAX_RETENTION_DAYS) {
            throw new IllegalArgumentException("retention must be between 1 and " + MAX_RETENTION_DAYS
                    + " days (CSI L252-5): " + retentionDays);
        }
        if (responseMonths < 1 || responseMonths > 1) {
            throw new IllegalArgumentException("GDPR art. 12(3) sets the answer at one month: " + responseMonths);
        }
        if (extensionMonths < 0 || extensionMonths > 2) {
            throw new IllegalArgumentException("GDPR art. 12(3) allows at most two more months: " + extensionMonths);
        }
    }
}
