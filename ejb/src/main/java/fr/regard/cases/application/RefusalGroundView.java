package fr.regard.cases.application;

import fr.regard.cases.domain.RefusalGround;

/** An entry of the refusal grounds catalogue. */
public record RefusalGroundView(String code, String label, String legalBasis, String regime,
                                boolean opensIndirectAccess, String letterText) {

    public static RefusalGroundView of(RefusalGround ground) {
        return new RefusalGroundView(ground.code(), ground.label(), ground.legalBasis(), ground.regime().name(),
                ground.opensIndirectAccess(), ground.letterText());
    }
}
