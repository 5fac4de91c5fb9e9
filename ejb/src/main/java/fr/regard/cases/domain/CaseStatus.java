package fr.regard.cases.domain;

import java.util.EnumSet;
import java.util.Set;

/**
 * Where a case stands, as the requester and the DPO see it. The detailed position is the BPMN process;
 * this status is the summary kept on the case for lists, tracking and statistics, changed only by
 * {@link AccessCase}'s methods.
 */
public enum CaseStatus {
    AWAITING_QUALIFICATION("À qualifier"),
    AWAITING_COMPLEMENT("En attente de complément"),
    SEARCHING_FOOTAGE("Recherche des images"),
    EXTRACTING("Extraction en cours"),
    AWAITING_DECISION("Décision à prendre"),
    CHECKING_DESTRUCTION("Vérification de la destruction"),
    AWAITING_DESTRUCTION("Destruction des images à venir"),
    DECIDED("Décision prise"),
    VIEWING_SCHEDULED("Visionnage sur place prévu"),
    MADE_AVAILABLE("Mise à disposition"),
    CLOSED("Clôturée"),
    WITHDRAWN("Retirée");

    /** Before the answer: the only statuses in which the answer period may still be extended. */
    private static final Set<CaseStatus> BEFORE_ANSWER = EnumSet.of(AWAITING_QUALIFICATION, AWAITING_COMPLEMENT,
            SEARCHING_FOOTAGE, EXTRACTING, AWAITING_DECISION, CHECKING_DESTRUCTION, AWAITING_DESTRUCTION);

    private final String label;

    CaseStatus(String label) {
        this.label = label;
    }

    /** French label shown to citizens, DPO and auditors. */
    public String label() {
        return label;
    }

    /** Still being handled: neither closed nor withdrawn. */
    public boolean isOpen() {
        return this != CLOSED && this != WITHDRAWN;
    }

    /** The decision (or, for a verification, the finding) has not been taken yet. */
    public boolean isBeforeAnswer() {
        return BEFORE_ANSWER.contains(this);
    }
}
