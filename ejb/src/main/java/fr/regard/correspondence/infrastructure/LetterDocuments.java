package fr.regard.correspondence.infrastructure;

import fr.regard.calendar.domain.LegalCalendar;
import fr.regard.cases.domain.AccessCase;
import fr.regard.cases.domain.CasePolicy;
import fr.regard.cases.domain.Masking;
import fr.regard.correspondence.domain.LetterRequest;
import fr.regard.documents.domain.Acknowledgement;
import fr.regard.documents.domain.ClosureMissingComplement;
import fr.regard.documents.domain.ComplementReminder;
import fr.regard.documents.domain.ComplementRequest;
import fr.regard.documents.domain.DestructionAttestation;
import fr.regard.documents.domain.DocumentLanguage;
import fr.regard.documents.domain.DocumentModel;
import fr.regard.documents.domain.ExtensionNotice;
import fr.regard.documents.domain.FootageDestroyed;
import fr.regard.documents.domain.FootageWindow;
import fr.regard.documents.domain.JudicialHold;
import fr.regard.documents.domain.NoData;
import fr.regard.documents.domain.Recipient;
import fr.regard.documents.domain.Refusal;
import fr.regard.documents.domain.ResponseCopy;
import fr.regard.documents.domain.ViewingInvitation;
import fr.regard.documents.domain.WithdrawalAcknowledgement;
import fr.regard.platform.application.PublicUrls;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Builds the document model of a letter from its case (the case is the source of truth; the request's particulars
 * only say which letter) and what the letter needs from outside the case ({@link Context}). An
 * {@link IllegalArgumentException} (from our checks, in French, or the model's) when the case lacks data the document
 * needs: the caller registers an incident, never a half-filled letter.
 */
final class LetterDocuments {

    private LetterDocuments() {
    }

    /**
     * What a letter needs besides its case.
     *
     * @param destruction how the footage of the case's window was destroyed (asked only by the letters that say so)
     */
    record Context(CasePolicy policy, String publicUrl, Instant issuedAt, int viewingMinutes,
                   java.util.function.Supplier<Destruction> destruction) {
    }

    /**
     * The destruction of a window's footage as a letter states it.
     *
     * @param certificateReference the purge certificate(s) that prove it, or a French sentence when none is recorded
     * @param verified             whether the archive's index confirms it (false: deduced from the retention)
     */
    record Destruction(Instant destroyedAt, List<String> cameras, String certificateReference, boolean verified) {
    }

    static DocumentModel modelOf(LetterRequest request, AccessCase c, Context context) {
        String reference = c.reference().value();
        Instant issuedAt = context.issuedAt();
        CasePolicy policy = context.policy();
        String trackingPage = trackingPage(context.publicUrl());
        return switch (request.type()) {
            case ACKNOWLEDGEMENT -> new Acknowledgement(reference, issuedAt, recipient(c), c.receivedAt(), facts(c),
                    c.withinCharterWindow(), policy.retentionDays(), day(c.deadlines().responseDue()), trackingPage,
                    !c.factsConfirmed());
            case COMPLEMENT_REQUEST -> new ComplementRequest(reference, issuedAt, recipient(c), c.receivedAt(),
                    missingInformation(c), c.qualification() != null && c.qualification().identityDoubt(),
                    day(c.deadlines().complementDeadline()), policy.pauseClockDuringComplement(), trackingPage);
            case COMPLEMENT_REMINDER -> new ComplementReminder(reference, issuedAt, recipient(c), c.receivedAt(),
                    day(c.deadlines().complementDeadline()), trackingPage);
            case CLOSURE_MISSING_COMPLEMENT -> new ClosureMissingComplement(reference, issuedAt, recipient(c),
                    c.receivedAt(), day(c.deadlines().complementDeadline()));
            case EXTENSION_NOTICE -> new ExtensionNotice(reference, issuedAt, recipient(c), c.receivedAt(),
                    day(required(c.extension(), "prolongation").dueBefore()), day(c.deadlines().responseDue()),
                    c.extension().reasons());
            case RESPONSE_COPY -> new ResponseCopy(reference, issuedAt, recipient(c),
                    required(c.qualification(), "qualification (régime)").regime(), facts(c),
                    footageLink(trackingPage, language(c)),
                    required(c.deadlines().deliveryExpiresAt(), "date d'expiration du lien de téléchargement"),
                    required(c.extraction(), "extraction").masking() == Masking.APPLIED);
            case VIEWING_INVITATION -> new ViewingInvitation(reference, issuedAt, recipient(c),
                    required(c.qualification(), "qualification (régime)").regime(), facts(c),
                    required(required(c.decision(), "décision").viewingAt(), "date du rendez-vous de visionnage"),
                    context.viewingMinutes(), required(c.decision().viewingPlace(), "lieu du visionnage"));
            case REFUSAL, PARTIAL_RESPONSE -> new Refusal(reference, issuedAt, recipient(c), c.receivedAt(),
                    required(c.qualification(), "qualification (régime)").regime(),
                    request.type() == fr.regard.correspondence.domain.LetterType.PARTIAL_RESPONSE, c.refusalGrounds(),
                    required(c.decision(), "décision").note());
            case NO_DATA -> new NoData(reference, issuedAt, recipient(c), c.receivedAt(), facts(c));
            case FOOTAGE_DESTROYED -> {
                Destruction destruction = context.destruction().get();
                yield new FootageDestroyed(reference, issuedAt, recipient(c), c.receivedAt(), facts(c),
                        policy.retentionDays(), destruction.destroyedAt(), destruction.certificateReference());
            }
            case DESTRUCTION_ATTESTATION -> {
                Destruction destruction = context.destruction().get();
                yield new DestructionAttestation(reference, issuedAt, recipient(c), facts(c), destruction.cameras(),
                        policy.retentionDays(), destruction.destroyedAt(), destruction.certificateReference(),
                        destruction.verified());
            }
            case JUDICIAL_HOLD -> new JudicialHold(reference, issuedAt, recipient(c), c.receivedAt(), facts(c),
                    policy.retentionDays());
            case WITHDRAWAL_ACKNOWLEDGEMENT -> new WithdrawalAcknowledgement(reference, issuedAt, recipient(c),
                    c.receivedAt(), required(c.withdrawnAt(), "date du retrait"));
        };
    }

    /** The language the requester asked for (French by default). */
    static DocumentLanguage language(AccessCase c) {
        return DocumentLanguage.of(Locale.forLanguageTag(c.requester().language()));
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

    /** The requester as the letter addresses them: name, postal address (if given) and e-mail (if given). */
    static Recipient recipient(AccessCase c) {
        if (c.requester() == null || c.personalDataPurgedAt() != null) {
            throw new IllegalArgumentException("le dossier n'indique plus le demandeur (données personnelles purgées).");
        }
        String email = c.requester().email() == null || c.requester().email().isBlank() ? null : c.requester().email();
        if (email == null && c.requester().postalAddress().isEmpty()) {
            throw new IllegalArgumentException("le dossier n'indique ni adresse électronique ni adresse postale du "
                    + "demandeur.");
        }
        String name = (c.requester().firstName() + " " + c.requester().lastName()).strip();
        return new Recipient(name, c.requester().postalAddress(), email);
    }

    /** The tracking page; the requester's secret link is not stored (only its hash) and so never printed. */
    static String trackingPage(String publicUrl) {
        return PublicUrls.trackingPage(publicUrl);
    }

    /** Where the copy is downloaded: the tracking page under the requester's own link (not stored, so named). */
    static String footageLink(String trackingPage, DocumentLanguage language) {
        return trackingPage + (language == DocumentLanguage.EN ? "[your personal link]" : "[votre lien personnel]")
                + "/footage";
    }
}
