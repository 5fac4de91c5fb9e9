package fr.regard.cases.application;

import java.util.Map;

/** The human tasks of the processes (BPMN ids) and the French hint of what each expects. */
public final class CaseTaskKeys {

    public static final String QUALIFY_REQUEST = "Task_QualifyRequest";
    public static final String SEARCH_FOOTAGE = "Task_SearchFootage";
    public static final String EXTRACT_AND_MASK = "Task_ExtractAndMask";
    public static final String DECIDE = "Task_Decide";
    public static final String HOLD_VIEWING = "Task_HoldViewing";

    /** What the completion payload of each task holds (shown with the task). */
    public static final Map<String, String> EXPECTED = Map.of(
            QUALIFY_REQUEST, "identityDoubt, precise (booléens), regime (GDPR_ART15 ou LIL_TITRE_III), "
                    + "withinCharterWindow (booléen, facultatif), missingInformation (si un complément est nécessaire)",
            SEARCH_FOOTAGE, "outcome (FOUND, NOT_FOUND ou ALREADY_DESTROYED), cameras (si FOUND), destroyedAt "
                    + "(facultatif, si ALREADY_DESTROYED), note",
            EXTRACT_AND_MASK, "cameras, start, end, masking (APPLIED, NOT_NEEDED ou IMPOSSIBLE), note",
            DECIDE, "decision (GRANT_COPY, GRANT_VIEWING, PARTIAL, REFUSAL ou NO_DATA), grounds (codes du catalogue, "
                    + "pour REFUSAL et PARTIAL), viewing {at, place} (pour GRANT_VIEWING), note",
            HOLD_VIEWING, "outcome (HELD ou NO_SHOW), note");

    private CaseTaskKeys() {
    }
}
