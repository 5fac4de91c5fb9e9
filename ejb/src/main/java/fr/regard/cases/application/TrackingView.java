package fr.regard.cases.application;

import fr.regard.cases.domain.AccessCase;
import fr.regard.cases.domain.CaseStatus;
import java.time.Instant;
import java.util.List;

/**
 * What the requester sees through their tracking link: their case's progress and deadlines, the letters addressed to
 * them (with their real status: "Émise", "à envoyer"), the documents issued to them (downloadable with the
 * same link), what they may do now; no staff data and nothing about other
 * people.
 */
public record TrackingView(
        String reference,
        String kind,
        String kindLabel,
        String status,
        String statusLabel,
        Instant receivedAt,
        Instant charterWindowEnd,
        Instant preservationDeadline,
        Instant responseDue,
        boolean withinCharterWindow,
        boolean factsConfirmed,
        boolean responseExtended,
        boolean complementAwaited,
        Instant complementDeadline,
        boolean canWithdraw,
        List<LetterView> letters,
        List<DocumentView> documents,
        List<FootageCopy> footage) {

    /**
     * A masked copy of the footage the requester may download now (GDPR art. 15(3)), until {@code availableUntil}.
     */
    public record FootageCopy(long id, String camera, Instant start, Instant end, long sizeBytes, String sha256,
                              Instant availableUntil) {
    }

    public static TrackingView of(AccessCase c) {
        return of(c, List.of(), List.of(), List.of());
    }

    /** {@code documents}: the requester-facing issued documents of the case (the others are filtered out here too). */
    public static TrackingView of(AccessCase c, List<LetterView> letters, List<DocumentView> documents,
                                  List<FootageCopy> footage) {
        boolean awaited = c.status() == CaseStatus.AWAITING_COMPLEMENT;
        return new TrackingView(c.reference().value(), c.kind().name(), c.kind().label(),
                c.status().name(), c.status().label(), c.receivedAt(),
                c.deadlines().charterWindowEnd(), c.deadlines().preservationDeadline(), c.deadlines().responseDue(),
                c.withinCharterWindow(), c.factsConfirmed(), c.extension() != null && c.extension().isGranted(),
                awaited, awaited ? c.deadlines().complementDeadline() : null,
                c.status().isOpen(), List.copyOf(letters),
                documents.stream().filter(DocumentView::requesterFacing).toList(), List.copyOf(footage));
    }
}
