package fr.regard.archive.application;

import fr.regard.archive.domain.FootageHold;
import fr.regard.cases.domain.RuleViolation;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * A judicial requisition to keep footage (CSI L252-5 exception), as the DPO enters it: the requisition's reference
 * (e.g. a procès-verbal or réquisition number), the cameras, the window, the reason, and optionally the case it
 * concerns.
 */
public record JudicialHoldRequest(String requisitionReference, List<String> cameras, Instant start, Instant end,
                                  String reason, String caseReference) {

    /** Every field to correct, in French; empty when the request can be placed (the cameras' registry aside). */
    public List<RuleViolation> violations() {
        List<RuleViolation> violations = new ArrayList<>();
        if (requisitionReference == null || requisitionReference.isBlank()) {
            violations.add(new RuleViolation("requisition", "La référence de la réquisition est obligatoire."));
        } else if (requisitionReference.strip().length() > FootageHold.MAX_REQUISITION) {
            violations.add(new RuleViolation("requisition", "La référence dépasse " + FootageHold.MAX_REQUISITION
                    + " caractères."));
        }
        if (cameras == null || cameras.stream().allMatch(c -> c == null || c.isBlank())) {
            violations.add(new RuleViolation("cameras", "Indiquez au moins une caméra."));
        }
        if (start == null) {
            violations.add(new RuleViolation("start", "Le début de la période est obligatoire."));
        }
        if (end == null) {
            violations.add(new RuleViolation("end", "La fin de la période est obligatoire."));
        } else if (start != null && end.isBefore(start)) {
            violations.add(new RuleViolation("end", "La fin de la période précède son début."));
        }
        if (reason == null || reason.isBlank()) {
            violations.add(new RuleViolation("reason", "Le motif est obligatoire : il est journalisé."));
        } else if (reason.strip().length() > FootageHold.MAX_REASON) {
            violations.add(new RuleViolation("reason", "Le motif dépasse " + FootageHold.MAX_REASON + " caractères."));
        }
        return violations;
    }
}
