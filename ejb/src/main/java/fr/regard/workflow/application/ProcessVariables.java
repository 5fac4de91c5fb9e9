package fr.regard.workflow.application;

/** Names of the process variables of docs/workflow.md, shared by the application and its delegates. */
public final class ProcessVariables {

    public static final String CASE_ID = "caseId";
    public static final String CASE_REFERENCE = "caseReference";
    public static final String REQUEST_KIND = "requestKind";
    public static final String RESPONSE_DUE = "responseDue";
    public static final String RESPONSE_REMINDER_AT = "responseReminderAt";
    public static final String PAUSE_CLOCK_DURING_COMPLEMENT = "pauseClockDuringComplement";
    public static final String COMPLEMENT_REMINDER_AT = "complementReminderAt";
    public static final String COMPLEMENT_DEADLINE = "complementDeadline";
    public static final String DELIVERY_EXPIRES_AT = "deliveryExpiresAt";
    public static final String PERSONAL_DATA_PURGE_AT = "personalDataPurgeAt";
    public static final String DESTRUCTION_STATUS = "destructionStatus";
    public static final String DESTRUCTION_DUE_AT = "destructionDueAt";
    // Task completions
    public static final String IDENTITY_DOUBT = "identityDoubt";
    public static final String PRECISE = "precise";
    public static final String WITHIN_CHARTER_WINDOW = "withinCharterWindow";
    public static final String COMPLEMENT_NEEDED = "complementNeeded";
    public static final String REGIME = "regime";
    public static final String SEARCH_OUTCOME = "searchOutcome";
    public static final String DECISION = "decision";

    private ProcessVariables() {
    }
}
