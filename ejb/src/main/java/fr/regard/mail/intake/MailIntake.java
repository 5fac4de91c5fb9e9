package fr.regard.mail.intake;

import fr.regard.archive.domain.Camera;
import fr.regard.archive.domain.CameraRepository;
import fr.regard.calendar.domain.LegalCalendar;
import fr.regard.cases.application.RequesterActions;
import fr.regard.cases.domain.AccessCase;
import fr.regard.cases.domain.CaseReference;
import fr.regard.cases.domain.CaseRepository;
import fr.regard.cases.domain.CaseStatus;
import fr.regard.cases.domain.IntakeChannel;
import fr.regard.cases.domain.RequestKind;
import fr.regard.documents.registry.BlobStore;
import fr.regard.documents.registry.FilesystemBlobStore;
import fr.regard.intake.application.FieldViolation;
import fr.regard.intake.application.IntakeService;
import fr.regard.intake.application.NewRequest;
import fr.regard.journal.domain.Journal;
import fr.regard.journal.domain.JournalActions;
import fr.regard.journal.domain.JournalEvent;
import fr.regard.mail.content.FactSuggestions;
import fr.regard.mail.content.FrenchFactExtractor;
import fr.regard.mail.content.KnownPlace;
import fr.regard.mail.content.MailAttachment;
import fr.regard.mail.content.MailKind;
import fr.regard.mail.content.MailLimits;
import fr.regard.mail.content.MailParser;
import fr.regard.mail.content.ReceivedMail;
import fr.regard.mail.content.Suggestion;
import fr.regard.intake.application.ReceivedRequest;
import fr.regard.mail.outbox.Bounces;
import fr.regard.platform.application.PublicUrls;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import fr.regard.mail.outbox.Outbox;
import fr.regard.mail.outbox.OutboxSettings;
import fr.regard.mail.outbox.OutgoingMail;
import fr.regard.platform.infrastructure.DataDirectory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Logger;
import java.util.stream.Collectors;

/**
 * What happens to one received message, in two transactions (docs/mail.md "Reading the mailbox" and "Routing"):
 * {@link #receive} stores the raw .eml and its row and journals the receipt (or recognises a second delivery);
 * {@link #route} reads it, decides (new case, reply, ignored, rejected, bounce) and records the outcome. A crash
 * between the two leaves a {@code RECEIVED} row that the next pass routes: nothing lost, nothing done twice.
 */
@ApplicationScoped
public class MailIntake {

    static final String ACTOR = "mail-reader";
    static final String ROLE = "system";
    /** The start of the text that becomes a new request's description (the whole text stays on the case). */
    static final int DESCRIPTION_CHARS = 1500;

    private static final Logger LOG = Logger.getLogger(MailIntake.class.getName());

    @Inject
    MailRecords records;

    @Inject
    DataDirectory data;

    @Inject
    BlobStore documents;

    @Inject
    fr.regard.mail.MailSettings settings;

    @Inject
    OutboxSettings outboxSettings;

    @Inject
    Outbox outbox;

    @Inject
    Bounces bounces;

    @Inject
    IntakeService intake;

    @Inject
    @ConfigProperty(name = "regard.public.url", defaultValue = "http://localhost:8080")
    String publicUrl;

    @Inject
    RequesterActions requesterActions;

    @Inject
    CaseRepository cases;

    @Inject
    CameraRepository cameras;

    @Inject
    LegalCalendar calendar;

    @Inject
    Journal journal;

    Clock clock = Clock.systemUTC();

    private volatile Instant failRoutingUntil = Instant.MIN;
    private final java.util.concurrent.atomic.AtomicInteger interruptedRoutings = new java.util.concurrent.atomic.AtomicInteger();

    private final FactSuggestions suggestions = new FrenchFactExtractor();

    /** A message as fetched from the mailbox. */
    public record Fetched(long uidvalidity, long uid, byte[] raw, boolean truncated, long size, Instant internalDate) {
    }

    /** The store of received messages: {@code <data>/mail/sha256/ab/cdef…} (content-addressed, written once). */
    public BlobStore emls() {
        return new FilesystemBlobStore(data.folder("mail"));
    }

    /**
     * Step 2: stores the raw message and its row, journalled, in one transaction. A message already known by its
     * UID is returned as it is; a second delivery (same Message-ID, same content) is recorded IGNORED "doublon".
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public MailRecords.Row receive(Fetched f) {
        Optional<MailRecords.Row> known = records.byUid(f.uidvalidity(), f.uid());
        if (known.isPresent()) {
            return known.get();
        }
        Instant now = now();
        BlobStore.StoredBlob blob = emls().put(f.raw());
        String contentSha256 = TraceFields.contentSha256(f.raw());
        String messageId = TraceFields.messageId(f.raw());
        Instant receivedAt = (f.internalDate() == null ? now : f.internalDate()).truncatedTo(ChronoUnit.MICROS);
        Optional<MailRecords.Row> earlier = records.earlierDelivery(messageId, contentSha256);
        long id;
        if (earlier.isPresent()) {
            String reason = "doublon : le même message (Message-ID " + messageId + ") a déjà été reçu (n° "
                    + earlier.get().id() + ")";
            id = records.insert(f.uidvalidity(), f.uid(), messageId, blob.sha256(), contentSha256, f.size(),
                    f.truncated(), receivedAt, now, MailState.IGNORED, "DUPLICATE", reason, earlier.get().id(),
                    MailState.IGNORED.folder());
            journal.record(event(JournalActions.MAIL_IGNORED, id).withDetail("reason", "doublon")
                    .withDetail("duplicateOf", String.valueOf(earlier.get().id()))
                    .withDetail("sha256", blob.sha256()).withDetail("messageId", messageId));
        } else {
            id = records.insert(f.uidvalidity(), f.uid(), messageId, blob.sha256(), contentSha256, f.size(),
                    f.truncated(), receivedAt, now, MailState.RECEIVED, null, null, null, null);
            journal.record(event(JournalActions.MAIL_RECEIVED, id).withDetail("sha256", blob.sha256())
                    .withDetail("size", String.valueOf(f.raw().length))
                    .withDetail("uid", f.uidvalidity() + ":" + f.uid())
                    .withDetail("messageId", messageId == null ? "" : messageId)
                    .withDetail("receivedAt", receivedAt.toString())
                    .withDetail("truncated", String.valueOf(f.truncated())));
        }
        return records.byId(id).orElseThrow();
    }

    /** Step 3: reads the stored message and routes it, in one transaction; a routed row is left as it is. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public MailRecords.Row route(long id) {
        MailRecords.Row row = records.byId(id).orElseThrow();
        if (row.routed()) {
            return row;
        }
        byte[] raw = emls().get(row.sha256()).orElseThrow(() -> new IllegalStateException(
                "The stored message " + row.sha256() + " is missing from the mail store"));
        ReceivedMail mail = parse(raw, row);
        Routed outcome = switch (mail.kind()) {
            case AUTO_REPLY, MAILING_LIST, OWN_MESSAGE -> ignore(row, mail, mail.kindReason());
            case BOUNCE -> bounce(row, mail);
            case REJECTED -> reject(row, mail);
            case NEW_OR_REPLY -> request(row, mail);
        };
        if (Instant.now().isBefore(failRoutingUntil)) {
            interruptedRoutings.incrementAndGet();
            throw new IllegalStateException("Acheminement interrompu (panne simulée par les tests) après "
                    + outcome.state + (outcome.caseReference == null ? "" : " " + outcome.caseReference));
        }
        records.routed(id, outcome.state, mail.kind().name(), outcome.reason, outcome.caseReference, mail.from(),
                mail.subject(), outcome.state.folder(), now());
        return records.byId(id).orElseThrow();
    }

    /**
     * Test hook (integration tests only, through the probe): until {@code until}, routing fails at its very end, once
     * its case, process, hold and mails are written, as a crash before the commit would; its transaction is rolled
     * back and the row stays {@code RECEIVED}.
     */
    public void failRoutingUntil(Instant until) {
        failRoutingUntil = until;
    }

    /** Test hook: how many routings {@link #failRoutingUntil} interrupted. */
    public int interruptedRoutings() {
        return interruptedRoutings.get();
    }

    private record Routed(MailState state, String reason, String caseReference) {
    }

    ReceivedMail parse(byte[] raw, MailRecords.Row row) {
        MailLimits limits = settings.limits();
        Set<String> own = Set.of(outboxSettings.sender());
        Set<String> ownDomains = Set.of(outboxSettings.messageIdDomain());
        if (row.truncated()) {
            return TooLarge.of(MailParser.parse(raw, limits, own, ownDomains), row.size(), limits);
        }
        return MailParser.parse(raw, limits, own, ownDomains);
    }

    private Routed ignore(MailRecords.Row row, ReceivedMail mail, String reason) {
        journal.record(event(JournalActions.MAIL_IGNORED, row.id()).withDetail("kind", mail.kind().name())
                .withDetail("reason", reason).withDetail("sha256", row.sha256()));
        return new Routed(MailState.IGNORED, reason, null);
    }

    private Routed bounce(MailRecords.Row row, ReceivedMail mail) {
        var info = mail.bounce();
        if (info != null) {
            records.bounce(row.id(), info.originalMessageId(), info.failedRecipient(), info.status(), info.diagnostic());
        }
        if (info == null || info.originalMessageId() == null) {
            return ignore(row, mail, "Rapport de non-remise sans référence au message d'origine");
        }
        Bounces.Outcome outcome = bounces.record(info.originalMessageId(), info.failedRecipient(), info.status(),
                info.diagnostic(), mail.messageId());
        if (outcome == Bounces.Outcome.UNKNOWN_MESSAGE) {
            // not one of our letters: perhaps a message we forwarded or a spoofed report; kept on the row
            Optional<String> received = records.caseOfReceived(info.originalMessageId());
            return ignore(row, mail, "Rapport de non-remise d'un message inconnu de Regard ("
                    + info.originalMessageId() + ")" + received.map(c -> ", lié au dossier " + c).orElse(""));
        }
        String reference = outbox.findCaseByMessageId(info.originalMessageId()).orElse(null);
        return new Routed(MailState.BOUNCE_RECORDED, outcome == Bounces.Outcome.RECORDED
                ? "Non-remise enregistrée sur le courrier d'origine"
                : "Non-remise déjà enregistrée (même rapport)", reference);
    }

    private Routed reject(MailRecords.Row row, ReceivedMail mail) {
        String reason = mail.kindReason();
        JournalEvent event = event(JournalActions.MAIL_REJECTED, row.id()).withDetail("reason", reason)
                .withDetail("sha256", row.sha256())
                .withDetail("rejection", mail.rejection() == null ? "" : mail.rejection().reason().name());
        boolean told = false;
        if (mail.mayBeAnswered() && mail.rejection() != null) {
            long noticeId = outbox.enqueue(new OutgoingMail(null, mail.answerAddress(),
                    "Votre message n'a pas pu être enregistré" + subjectSuffix(mail),
                    MailTexts.rejectionNotice(mail.rejection().explanation(), row.receivedAt()),
                    mail.messageId(), mail.references(), List.of(), OutgoingMail.Kind.REJECTION_NOTICE, null));
            records.notice(row.id(), noticeId);
            told = true;
        }
        journal.record(event.withDetail("senderTold", String.valueOf(told)));
        return new Routed(MailState.REJECTED, reason + (told ? " ; l'expéditeur en a été informé" : ""), null);
    }

    private Routed request(MailRecords.Row row, ReceivedMail mail) {
        Optional<String> existing = caseOf(mail);
        if (existing.isPresent()) {
            return attach(row, mail, existing.get());
        }
        return newCase(row, mail);
    }

    /** The case a reply belongs to: our letters it answers, our received messages it answers, the subject's reference. */
    Optional<String> caseOf(ReceivedMail mail) {
        List<String> thread = new ArrayList<>();
        if (mail.inReplyTo() != null) {
            thread.add(mail.inReplyTo());
        }
        List<String> references = new ArrayList<>(mail.references());
        java.util.Collections.reverse(references);
        thread.addAll(references);
        for (String id : thread) {
            Optional<String> ours = outbox.findCaseByMessageId(id);
            if (ours.isPresent()) {
                return ours;
            }
        }
        for (String id : thread) {
            Optional<String> received = records.caseOfReceived(id);
            if (received.isPresent()) {
                return received;
            }
        }
        CaseReference inSubject = mail.caseReferenceInSubject();
        if (inSubject != null && mail.from() != null) {
            // the subject alone is a weak link: only the requester of that case may use it
            return cases.findByReference(inSubject)
                    .filter(c -> c.requester().email() != null
                            && c.requester().email().equalsIgnoreCase(mail.from()))
                    .map(c -> c.reference().value());
        }
        return Optional.empty();
    }

    private Routed attach(MailRecords.Row row, ReceivedMail mail, String reference) {
        AccessCase c = cases.findByReference(new CaseReference(reference)).orElseThrow();
        boolean complement = c.status() == CaseStatus.AWAITING_COMPLEMENT;
        long caseMailId = fileOnCase(row, mail, reference, complement ? "COMPLEMENT" : "REPLY");
        journal.record(JournalEvent.onCase(ACTOR, ROLE, JournalActions.MAIL_ATTACHED, reference)
                .withDetail("mail", String.valueOf(row.id())).withDetail("sha256", row.sha256())
                .withDetail("role", complement ? "COMPLEMENT" : "REPLY")
                .withDetail("attachments", String.valueOf(mail.attachments().size())));
        if (complement) {
            requesterActions.sendComplementByMail(reference, mail.textBody());
        }
        noticeOfRefusedAttachments(row, mail, reference);
        LOG.fine(() -> "Mail " + row.id() + " attached to " + reference + " (case mail " + caseMailId + ")");
        return new Routed(MailState.ATTACHED, complement ? "Complément joint au dossier " + reference
                : "Réponse jointe au dossier " + reference, reference);
    }

    private Routed newCase(MailRecords.Row row, ReceivedMail mail) {
        String email = mail.answerAddress();
        RequesterName name = RequesterName.of(mail.fromName(), email);
        String text = mail.textBody().isBlank() ? mail.subject() : mail.textBody();
        String description = MailRecords.cut(text.isBlank() ? "(message sans texte)" : text.strip(), DESCRIPTION_CHARS);
        NewRequest request = new NewRequest(RequestKind.ACCESS, IntakeChannel.EMAIL, name.first(), name.last(), email,
                null, null, null, description, row.receivedAt());
        List<FieldViolation> violations = intake.violations(request);
        if (!violations.isEmpty()) {
            String reason = "Demande non enregistrable : " + violations.stream().map(FieldViolation::message)
                    .collect(Collectors.joining(" "));
            journal.record(event(JournalActions.MAIL_REJECTED, row.id()).withDetail("reason", reason)
                    .withDetail("sha256", row.sha256()).withDetail("senderTold", "false"));
            return new Routed(MailState.REJECTED, reason, null);
        }
        ReceivedRequest received = intake.receive(request);
        String reference = received.caseView().reference();
        long caseMailId = fileOnCase(row, mail, reference, "REQUEST");
        outbox.enqueue(new OutgoingMail(reference, email, "[" + reference + "] Votre lien de suivi personnel",
                MailTexts.trackingLink(reference, trackingUrl(received.trackingToken())), mail.messageId(),
                mail.references(), List.of(), OutgoingMail.Kind.TRACKING_LINK, null));
        journal.record(JournalEvent.onCase(ACTOR, ROLE, JournalActions.MAIL_ATTACHED, reference)
                .withDetail("mail", String.valueOf(row.id())).withDetail("sha256", row.sha256()).withDetail("role", "REQUEST")
                .withDetail("attachments", String.valueOf(mail.attachments().size())));
        suggest(reference, caseMailId, mail.textBody(), row.receivedAt());
        noticeOfRefusedAttachments(row, mail, reference);
        return new Routed(MailState.CASE_CREATED, "Nouvelle demande : dossier " + reference, reference);
    }

    private long fileOnCase(MailRecords.Row row, ReceivedMail mail, String reference, String role) {
        long caseMailId = records.insertCaseMail(reference, row.id(), row.receivedAt(), mail.from(), mail.subject(),
                mail.textBody(), mail.safeHtml(), role, now());
        for (MailAttachment a : mail.attachments()) {
            if (a.accepted() && a.bytes() != null) {
                documents.put(a.bytes());
            }
            records.insertAttachment(caseMailId, new MailRecords.AttachmentRow(a.fileName(), a.contentType(),
                    a.detectedType(), a.size(), a.sha256(), a.accepted(), a.refusal()));
        }
        return caseMailId;
    }

    private void suggest(String reference, long caseMailId, String text, Instant receivedAt) {
        List<KnownPlace> places = cameras.all().stream().map(MailIntake::place).toList();
        for (Suggestion s : suggestions.suggest(text, calendar.dayOf(receivedAt), places)) {
            records.insertSuggestion(reference, new MailRecords.SuggestionRow(caseMailId, s.kind().name(), s.text(),
                    s.start(), s.end(), s.value(), s.confidence().name(), s.label()), now());
        }
    }

    private static KnownPlace place(Camera camera) {
        return new KnownPlace(camera.id(), camera.name() + (camera.address() == null ? "" : ", " + camera.address()));
    }

    /** Tells the sender which attachments were refused and why (never to an automatic message). */
    private void noticeOfRefusedAttachments(MailRecords.Row row, ReceivedMail mail, String reference) {
        List<MailAttachment> refused = mail.attachments().stream().filter(a -> !a.accepted()).toList();
        if (refused.isEmpty() || !mail.mayBeAnswered()) {
            return;
        }
        long noticeId = outbox.enqueue(new OutgoingMail(reference, mail.answerAddress(),
                "Pièces jointes non retenues — dossier " + reference,
                MailTexts.refusedAttachments(reference, refused), mail.messageId(), mail.references(), List.of(),
                OutgoingMail.Kind.REJECTION_NOTICE, null));
        records.notice(row.id(), noticeId);
    }

    private String trackingUrl(String token) {
        return PublicUrls.trackingPage(publicUrl) + token;
    }

    private static String subjectSuffix(ReceivedMail mail) {
        return mail.subject().isBlank() ? "" : " : « " + MailRecords.cut(mail.subject(), 120) + " »";
    }

    private static JournalEvent event(String action, long mailId) {
        return JournalEvent.on(ACTOR, ROLE, action, "mail", String.valueOf(mailId));
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

}
