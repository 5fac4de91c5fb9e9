package fr.regard.cases.domain;

/**
 * Where a case stands, as the requester and the DPO see it. The detailed position is the BPMN process;
 * this status is the summary kept on the case for lists, tracking and statistics.
 */
public enum CaseStatus {
    AWAITING_QUALIFICATION("À qualifier"),
    CLOSED("Clôturée");

    private final String label;

    CaseStatus(String label) {
        this.label = label;
    }

    /** French label shown to citizens, DPO and auditors. */
    public String label() {
        return label;
    }
}
