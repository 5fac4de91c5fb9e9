package fr.regard.correspondence.infrastructure;

import fr.regard.archive.domain.DestructionReport;
import fr.regard.archive.infrastructure.DestructionAnswers;
import fr.regard.calendar.domain.LegalCalendar;
import fr.regard.cases.domain.AccessCase;
import fr.regard.cases.domain.CasePolicy;
import fr.regard.cases.domain.CaseReference;
import fr.regard.cases.domain.CaseRepository;
import fr.regard.correspondence.domain.Correspondence;
import fr.regard.correspondence.domain.DeliveryChannels;
import fr.regard.correspondence.domain.Letter;
import fr.regard.correspondence.domain.LetterDelivery;
import fr.regard.correspondence.domain.LetterRequest;
import fr.regard.correspondence.domain.LetterStatus;
import fr.regard.correspondence.domain.RequestMessages;
import fr.regard.documents.domain.DocumentLanguage;
import fr.regard.documents.application.DocumentTemplateException;
import fr.regard.documents.domain.DocumentModel;
import fr.regard.documents.registry.DocumentIssuer;
import fr.regard.documents.registry.DocumentRegistry;
import fr.regard.documents.registry.IssuedDocument;
import fr.regard.journal.domain.Journal;
import fr.regard.journal.domain.JournalActions;
import fr.regard.journal.domain.JournalEvent;
import fr.regard.mail.outbox.MailComposer;
import fr.regard.mail.outbox.Outbox;
import fr.regard.mail.outbox.OutboxSettings;
import fr.regard.mail.outbox.OutgoingMail;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObjectBuilder;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The {@link Correspondence} of Regard: each letter the case workflow asks for is <em>issued</em> as a sealed PDF
 * (rendered from its template, sealed, stored, recorded in the registry, journalled) in the step's transaction, and
 * registered with status "Émise". In the same transaction its e-mail is queued in the {@link Outbox} when
 * {@link DeliveryChannels} allows it (delivery "En file d'envoi", then "Envoyée par courriel le …" once the mail server
 * took it: {@link LetterDeliveries}); otherwise its delivery is "À envoyer par la poste" and staff record the posting.
 * The e-mail answers the requester's own e-mail and our previous letters (threading), with the sealed PDF attached.
 * <p>
 * When the letter cannot be issued because the case lacks data its document needs (e.g. no e-mail and no postal
 * address), or a template override is broken, the letter is registered "à émettre" with the reason in its note and a
 * {@code LETTER_ISSUE_FAILED} journal event: an incident the DPO sees on the case, and the workflow goes on. A
 * technical failure (key store, TSA, disk) throws instead: the step's job fails and is retried, then shows as a
 * process incident. Each letter is written in the requester's language (French, or English when they asked for it).
 */
@ApplicationScoped
public class DocumentCorrespondence implements Correspondence {

    static final String ISSUED = "Émise (document scellé, téléchargeable sur la page de suivi).";
    static final String CANNOT_ISSUE = "Émission impossible : ";
    static final String ALL_CAMERAS = "toutes les caméras du périmètre de la demande";
    static final String UNRECORDED_CERTIFICATE = "PURGE (lot non enregistré)";

    @PersistenceContext(unitName = "regard")
    EntityManager em;

    @Inject
    Journal journal;

    @Inject
    CaseRepository cases;

    @Inject
    CasePolicy policy;

    @Inject
    DocumentIssuer issuer;

    @Inject
    DestructionAnswers destructionAnswers;

    @Inject
    LegalCalendar calendar;

    @Inject
    DocumentRegistry registry;

    @Inject
    Outbox outbox;

    @Inject
    OutboxSettings mailSettings;

    @Inject
    RequestMessages requestMessages;

    @Inject
    @ConfigProperty(name = "regard.public.url", defaultValue = "http://localhost:8080")
    String publicUrl;

    /** How long an on-site viewing lasts, as the invitation announces it (minutes, 5–480). */
    @Inject
    @ConfigProperty(name = "regard.viewing.duration-minutes", defaultValue = "45")
    int viewingMinutes;

    Clock clock = Clock.systemUTC();

    @Override
    @Transactional(Transactional.TxType.MANDATORY)
    public Letter issue(LetterRequest request) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        AccessCase c = cases.findByReference(new CaseReference(request.caseReference()))
                .orElseThrow(() -> new IllegalStateException("No case " + request.caseReference()));
        DocumentModel model;
        try {
            model = LetterDocuments.modelOf(request, c, new LetterDocuments.Context(policy, publicUrl, now,
                    viewingMinutes, () -> destruction(c)));
        } catch (IllegalArgumentException e) {
            return failed(request, now, french(e.getMessage()));
        }
        IssuedDocument document;
        try {
            document = issuer.issue(model, LetterDocuments.language(c), c.id(), request.caseReference(), "system", null);
        } catch (DocumentTemplateException e) {
            return failed(request, now, e.getMessage());   // already French, naming the template file and line
        }
        boolean byEmail = DeliveryChannels.byEmail(c.channel(), c.requester().email(), MailComposer::isValidAddress);
        LetterRecord row = register(request, LetterStatus.ISSUED, ISSUED, now, document.id(),
                JournalActions.LETTER_TO_ISSUE, byEmail ? LetterDelivery.QUEUED : LetterDelivery.TO_SEND);
        if (byEmail) {
            mail(row, c, document);
        }
        return row.toLetter();
    }

    /** Queues the letter's e-mail (sealed PDF attached, threaded) in this transaction; the letter reads "En file". */
    private void mail(LetterRecord row, AccessCase c, IssuedDocument document) {
        String reference = row.caseReference();
        List<String> thread = new ArrayList<>();
        requestMessages.originalMessageId(reference).ifPresent(thread::add);
        em.createQuery("select l.messageId from LetterRecord l where l.caseReference = :reference "
                        + "and l.messageId is not null and l.id <> :id order by l.id", String.class)
                .setParameter("reference", reference).setParameter("id", row.id())
                .getResultStream().forEach(thread::add);
        String inReplyTo = thread.isEmpty() ? null : thread.get(0);
        DocumentLanguage language = LetterDocuments.language(c);
        String name = LetterDocuments.recipient(c).name();
        OutgoingMail mail = new OutgoingMail(reference, c.requester().email().strip(),
                LetterMails.subject(reference, row.type()),
                LetterMails.body(reference, row.type(), name, publicUrl, mailSettings.controllerName(),
                        mailSettings.sender(), language),
                inReplyTo, thread,
                List.of(new OutgoingMail.Attachment(LetterMails.fileName(reference, row.type()), "application/pdf",
                        registry.content(document))),
                OutgoingMail.Kind.LETTER, row.id(), row.type().name());
        long id = outbox.enqueue(mail);
        outbox.findById(id).ifPresent(queued -> row.queued(queued.messageId()));
    }

    /**
     * How the case's window was destroyed: from the archive's index when it holds the window's segments (verified,
     * with the purge certificates of the batches), otherwise from the retention (the date the search recorded, or the
     * end of the facts plus the retention), said to be unverified.
     */
    private LetterDocuments.Destruction destruction(AccessCase c) {
        fr.regard.archive.domain.FootageWindow window = new fr.regard.archive.domain.FootageWindow(c.facts().start(),
                c.facts().end(), c.facts().place(), null);
        SortedSet<String> cameras = new TreeSet<>();
        if (c.search() != null && c.search().cameras() != null) {
            Arrays.stream(c.search().cameras().split(",")).map(String::strip).filter(s -> !s.isEmpty())
                    .forEach(cameras::add);
        }
        Optional<DestructionReport> report = destructionAnswers.answer(window, cameras, policy.retentionDays());
        if (report.isPresent() && report.get().state() == DestructionReport.State.DESTROYED
                && report.get().destroyedBy() != null) {
            String certificates = String.join(", ",
                    destructionAnswers.certificateReferences(report.get().purgeBatches()));
            return new LetterDocuments.Destruction(report.get().destroyedBy(),
                    destructionAnswers.destroyedCameras(window, cameras),
                    certificates.isEmpty() ? UNRECORDED_CERTIFICATE : certificates, true);
        }
        if (report.isPresent() && report.get().state() != DestructionReport.State.DESTROYED) {
            throw new IllegalArgumentException("le dossier n'indique pas une destruction : l'archive répond « "
                    + report.get().note() + " ».");
        }
        Instant destroyedAt = c.search() != null && c.search().destroyedAt() != null ? c.search().destroyedAt()
                : calendar.plusDaysExact(c.facts().end(), policy.retentionDays()).toInstant();
        List<String> named = cameras.isEmpty() ? List.of(ALL_CAMERAS) : List.copyOf(cameras);
        return new LetterDocuments.Destruction(destroyedAt, named, "PURGE-" + calendar.dayOf(destroyedAt), false);
    }

    /** Our own checks speak French ("le dossier n'indique…"); a model's check (English, for developers) is wrapped. */
    private static String french(String reason) {
        return reason != null && reason.startsWith("le dossier") ? reason
                : "données du dossier insuffisantes pour ce courrier (" + reason + ").";
    }

    private Letter failed(LetterRequest request, Instant now, String reason) {
        return register(request, LetterStatus.TO_ISSUE, CANNOT_ISSUE + reason, now, null,
                JournalActions.LETTER_ISSUE_FAILED, LetterDelivery.NONE).toLetter();
    }

    private LetterRecord register(LetterRequest request, LetterStatus status, String note, Instant now, Long documentId,
                                  String action, LetterDelivery delivery) {
        JsonObjectBuilder particulars = Json.createObjectBuilder();
        request.particulars().forEach(particulars::add);
        String shortNote = note.length() > 500 ? note.substring(0, 499) + "…" : note;
        LetterRecord row = new LetterRecord(request.caseId(), request.caseReference(), request.type(), status, shortNote,
                particulars.build().toString(), now, documentId);
        em.persist(row);
        JournalEvent event = JournalEvent.onCase("system", "system", action, request.caseReference())
                .withPurpose("Correspondance avec le demandeur")
                .withDetail("letterType", request.type().name())
                .withDetail("status", status.name())
                .withDetail("delivery", delivery.name());
        if (documentId != null) {
            event = event.withDetail("documentId", String.valueOf(documentId));
        }
        if (action.equals(JournalActions.LETTER_ISSUE_FAILED)) {
            event = event.withDetail("reason", shortNote);
        }
        journal.record(event);
        em.flush();
        return row;
    }

    @Override
    public List<Letter> lettersOf(String caseReference) {
        return em.createQuery("select l from LetterRecord l where l.caseReference = :reference order by l.id",
                        LetterRecord.class)
                .setParameter("reference", caseReference)
                .getResultStream().map(LetterRecord::toLetter).toList();
    }
}
