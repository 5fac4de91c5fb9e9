package fr.regard.documents.domain;

import fr.regard.cases.domain.RecordRegime;
import java.time.Instant;
import java.util.List;

/**
 * Convocation au visionnage: the requester views the (masked) footage on site, at the CSU, with a habilitated agent
 * (CSI L253-5), at the appointment and place given (the CSU by default, {@code regard.viewing.place}); brings an
 * identity document.
 */
public record ViewingInvitation(String reference, Instant issuedAt, Recipient recipient, RecordRegime regime,
                                FootageWindow facts, Instant appointmentAt, int durationMinutes, String place) implements DocumentModel {

    public ViewingInvitation {
        reference = Checks.text(reference, "reference");
        Checks.present(issuedAt, "issuedAt");
        Checks.present(recipient, "recipient");
        Checks.present(regime, "regime");
        Checks.present(facts, "facts");
        Checks.present(appointmentAt, "appointmentAt");
        place = Checks.text(place, "place");
        if (!appointmentAt.isAfter(issuedAt)) {
            throw new IllegalArgumentException("The viewing appointment must come after the letter");
        }
        if (durationMinutes < 5 || durationMinutes > 480) {
            throw new IllegalArgumentException("durationMinutes must be between 5 and 480");
        }
    }

    @Override
    public DocumentType type() {
        return DocumentType.VIEWING_INVITATION;
    }

    @Override
    public List<LegalBasis> legalBases() {
        return AccessRegime.with(type().legalBases(), regime);
    }
}
