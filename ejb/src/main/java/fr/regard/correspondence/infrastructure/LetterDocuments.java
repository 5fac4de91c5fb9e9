package fr.regard.correspondence.infrastructure;

import fr.regard.cases.domain.AccessCase;
import fr.regard.cases.domain.CasePolicy;
import fr.regard.calendar.domain.LegalCalendar;
import fr.regard.correspondence.domain.LetterRequest;
import fr.regard.correspondence.domain.LetterType;
import fr.regard.documents.domain.Acknowledgement;
import fr.regard.documents.domain.ClosureMissingComplement;
import fr.regard.documents.domain.ComplementReminder;
import fr.regard.documents.domain.ComplementRequest;
import fr.regard.documents.domain.ExtensionNotice;
import fr.regard.documents.domain.JudicialHold;
import fr.regard.documents.domain.NoData;
import fr.regard.documents.domain.Refusal;
import fr.regard.documents.domain.WithdrawalAcknowledgement;
import fr.regard.documents.domain.DocumentModel;
import fr.regard.documents.domain.FootageWindow;
import fr.regard.documents.domain.Recipient;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Builds the document model of a letter from its case (the case is the source of truth; the request's particulars
 * only say which letter). Empty for a letter type not yet connected to a document; an
 * {@link IllegalArgumentException} (from the model's checks) when the case lacks data the document needs.
 */
final class LetterDocuments {

    private LetterDocuments() {
    }

    /** The letter types this class builds a document for; the others are registered "à émettre" (docs/documents.md). */
    static final List<LetterType> CONNECTED = List.of(LetterType.ACKNOWLEDGEMENT, LetterType.COMPLEMENT_REQUEST,
            LetterType.COMPLEMENT_REMINDER, LetterType.CLOSURE_MISSING_COMPLEMENT, LetterType.EXTENSION_NOTICE,
            LetterType.REFUSAL, LetterType.NO_DATA, LetterType.JUDICIAL_HOLD, LetterType.WITHDRAWAL_ACKNOWLEDGEMENT);

    static Optional<DocumentModel> modelOf(LetterRequest request, AccessCase c, CasePolicy policy, String publicUrl,
                                           Instant issuedAt) {
        String reference = c.reference().value();
        return switch (request.type()) {
            case ACKNOWLEDGEMENT -> Optional.of(new Acknowledgement(reference, issuedAt, recipient(c),
                    c.receivedAt(), facts(c), c.withinCharterWindow(), policy.retentionDays(),
                    day(c.deadlines().responseDue()), trackingPage(publicUrl)));
            case COMPLEMENT_REQUEST -> Optional.of(new ComplementRequest(reference, issuedAt, recipient(c), c.receivedAt(),
                    missingInformation(c), c.qualification() != null && c.qualification().identityDoubt(),
                    day(c.deadlines().complementDeadline()), policy.pauseClockDuringComplement(), trackingPage(publicUrl)));
            case COMPLEMENT_REMINDER -> Optional.of(new ComplementReminder(reference, issuedAt, recipient(c), c.receivedAt(),
                    day(c.deadlines().complementDeadline()), trackingPage(publicUrl)));
            case CLOSURE_MISSING_COMPLEMENT -> Optional.of(new ClosureMissingComplement(reference, issuedAt, recipient(c),
                    c.receivedAt(), day(c.deadlines().complementDeadline())));
            case EXTENSION_NOTICE -> Optional.of(new ExtensionNotice(reference, issuedAt, recipient(c), c.receivedAt(),
                    day(required(c.extension(), "prolongation").dueBefore()), day(c.deadlines().responseDue()),
                    c.extension().reasons()));
            case REFUSAL -> Optional.of(new Refusal(reference, issuedAt, recipient(c), c.receivedAt(),
                    required(c.qualification(), "qualification (régime)").regime(), false, c.refusalGrounds(),
                    required(c.decision(), "décision").note()));
            case NO_DATA -> Optional.of(new NoData(reference, issuedAt, recipient(c), c.receivedAt(), facts(c)));
            case JUDICIAL_HOLD -> Optional.of(new JudicialHold(reference, issuedAt, recipient(c), c.receivedAt(), facts(c),
                    policy.retentionDays()));
            case WITHDRAWAL_ACKNOWLEDGEMENT -> Optional.of(new WithdrawalAcknowledgement(reference, issuedAt, recipient(c),
                    c.receivedAt(), required(c.withdrawnAt(), "date du retrait")));
            default -> Optional.empty();
        };
    }

    private static FootageWindow facts(AccessCase c) {
        return new FootageWindow(c.facts().place(), c.facts().start(), c.facts().end());
    }

    /** The Europe/Paris day of an instant; a missing one is the case lacking data (IllegalArgumentException). */
    private static LocalDate day(Instant instant) {
        return required(instant, "date").atZone(LegalCalendar.PARIS).toLocalDate();
    }

    private static <T> T required(T value, String what) {
        if (value == null) {
            throw new IllegalArgumentException("le dossier n'indique pas : " + what + ".");
        }
        return value;
    }

    /** The DPO's "missing information" text, one item per line or ';', plus the identity proof on reasonable doubt. */
    private static List<String> missingInformation(AccessCase c) {
        List<String> items = new ArrayList<>();
        if (c.qualification() != null && c.qualification().missingInformation() != null) {
            for (String item : c.qualification().missingInformation().split("[;\\n]")) {
                if (!item.isBlank()) {
                    items.add(item.strip());
                }
            }
        }
        if (c.qualification() != null && c.qualification().identityDoubt()) {
            items.add("Un justificatif de votre identité (doute raisonnable, décret n° 2019-536)");
        }
        return items;
    }

    /** The requester as the letter addresses them: the case holds a name and an e-mail address, no postal address. */
    static Recipient recipient(AccessCase c) {
        if (c.requester() == null) {
            throw new IllegalArgumentException("Le dossier n'a plus de demandeur (données personnelles purgées).");
        }
        if (c.requester().email() == null || c.requester().email().isBlank()) {
            throw new IllegalArgumentException("le dossier n'indique ni adresse électronique ni adresse postale du "
                    + "demandeur (Regard n'enregistre pas encore l'adresse postale d'une demande reçue par courrier).");
        }
        String name = (c.requester().firstName() + " " + c.requester().lastName()).strip();
        return new Recipient(name, List.of(), c.requester().email());
    }

    /** The tracking page; the requester's secret link is not stored (only its hash) and so never printed. */
    static String trackingPage(String publicUrl) {
        String base = publicUrl.strip();
        return (base.endsWith("/") ? base.substring(0, base.length() - 1) : base) + "/api/v1/tracking/";
    }
}
