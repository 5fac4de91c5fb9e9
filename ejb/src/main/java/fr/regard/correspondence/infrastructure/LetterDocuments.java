package fr.regard.correspondence.infrastructure;

import fr.regard.cases.domain.AccessCase;
import fr.regard.cases.domain.CasePolicy;
import fr.regard.calendar.domain.LegalCalendar;
import fr.regard.correspondence.domain.LetterRequest;
import fr.regard.correspondence.domain.LetterType;
import fr.regard.documents.domain.Acknowledgement;
import fr.regard.documents.domain.DocumentModel;
import fr.regard.documents.domain.FootageWindow;
import fr.regard.documents.domain.Recipient;
import java.time.Instant;
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
    static final List<LetterType> CONNECTED = List.of(LetterType.ACKNOWLEDGEMENT);

    static Optional<DocumentModel> modelOf(LetterRequest request, AccessCase c, CasePolicy policy, String publicUrl,
                                           Instant issuedAt) {
        return switch (request.type()) {
            case ACKNOWLEDGEMENT -> Optional.of(new Acknowledgement(c.reference().value(), issuedAt, recipient(c),
                    c.receivedAt(), new FootageWindow(c.facts().place(), c.facts().start(), c.facts().end()),
                    c.withinCharterWindow(), policy.retentionDays(),
                    c.deadlines().responseDue().atZone(LegalCalendar.PARIS).toLocalDate(), trackingPage(publicUrl)));
            default -> Optional.empty();
        };
    }

    /** The requester as the letter addresses them: the case holds a name and an e-mail address, no postal address. */
    static Recipient recipient(AccessCase c) {
        if (c.requester() == null) {
            throw new IllegalArgumentException("Le dossier n'a plus de demandeur (données personnelles purgées).");
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
