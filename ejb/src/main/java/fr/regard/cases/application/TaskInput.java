package fr.regard.cases.application;

import java.time.Instant;
import java.util.List;

/**
 * What a staff member gives when completing a task of a case, one shape per task (docs/workflow.md "When a human
 * task is completed"). Values are as typed by the client (codes as strings, possibly missing): {@link CaseTasks}
 * checks every field and names each bad one.
 */
public sealed interface TaskInput {

    /** The BPMN task this input completes. */
    String taskKey();

    /** {@code Task_QualifyRequest}: identity, precision, regime, charter window; what is missing if a complement is needed. */
    record Qualify(Boolean identityDoubt, Boolean precise, Boolean withinCharterWindow, String regime,
                   String missingInformation) implements TaskInput {
        @Override
        public String taskKey() {
            return CaseTaskKeys.QUALIFY_REQUEST;
        }
    }

    /** {@code Task_SearchFootage}: the outcome, the cameras where footage was found, the destruction date if gone. */
    record Search(String outcome, List<String> cameras, String note, Instant destroyedAt) implements TaskInput {
        @Override
        public String taskKey() {
            return CaseTaskKeys.SEARCH_FOOTAGE;
        }
    }

    /** {@code Task_ExtractAndMask}: the extraction summary (cameras, window, masking of third parties). */
    record Extract(List<String> cameras, Instant start, Instant end, String masking, String note) implements TaskInput {
        @Override
        public String taskKey() {
            return CaseTaskKeys.EXTRACT_AND_MASK;
        }
    }

    /** {@code Task_Decide}: the decision, catalogue grounds for a restriction, the appointment for a viewing. */
    record Decide(String decision, List<String> grounds, Instant viewingAt, String viewingPlace, String note)
            implements TaskInput {
        @Override
        public String taskKey() {
            return CaseTaskKeys.DECIDE;
        }
    }

    /** {@code Task_HoldViewing}: whether the on-site viewing took place. */
    record HoldViewing(String outcome, String note) implements TaskInput {
        @Override
        public String taskKey() {
            return CaseTaskKeys.HOLD_VIEWING;
        }
    }
}
