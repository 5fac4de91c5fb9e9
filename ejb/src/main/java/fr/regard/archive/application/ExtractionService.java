package fr.regard.archive.application;

import fr.regard.archive.domain.ArchiveActionStatus;
import fr.regard.archive.domain.Camera;
import fr.regard.archive.domain.CameraRepository;
import fr.regard.archive.domain.ExtractOrder;
import fr.regard.archive.domain.ExtractPurpose;
import fr.regard.archive.domain.ExtractStatus;
import fr.regard.archive.domain.FootageExtract;
import fr.regard.archive.domain.FootageExtractRepository;
import fr.regard.archive.domain.FootageHold;
import fr.regard.archive.domain.FootageHoldRepository;
import fr.regard.archive.infrastructure.ExtractFiles;
import fr.regard.cases.application.ActionRefusedException;
import fr.regard.cases.application.ActionRefusedException.Reason;
import fr.regard.cases.application.InvalidCommandException;
import fr.regard.cases.domain.AccessCase;
import fr.regard.cases.domain.CaseStatus;
import fr.regard.cases.domain.CaseReference;
import fr.regard.cases.domain.CaseRepository;
import fr.regard.cases.domain.Extraction;
import fr.regard.cases.domain.Masking;
import fr.regard.cases.domain.RuleViolation;
import fr.regard.journal.domain.Journal;
import fr.regard.journal.domain.JournalActions;
import fr.regard.journal.domain.JournalEvent;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Extraction of held footage for a case (docs/archive.md "Extraction"): an operator or the DPO asks for cameras × a
 * window with the third parties to mask and a mandatory purpose; the request is checked (held for the case, cameras
 * known, masks inside the picture and the window), recorded and journalled in one transaction, then run by the
 * extraction workers after the commit. Also: the status and procès-verbal data, cancellation, the journalled staff
 * download, and the two steps the case workflow calls through {@code FootageArchive}.
 */
@Stateless
public class ExtractionService {

    static final String SYSTEM = "system";
    static final String WORKFLOW_PURPOSE = "Réponse à la demande d'accès (RGPD art. 15) : aucun tiers visible selon "
            + "l'opérateur, seuls les masques de confidentialité de la caméra sont appliqués";
    static final String DESTRUCTION_PURPOSE = "Fin de la mise à disposition de l'extrait : destruction";

    @Inject
    FootageExtractRepository extracts;

    @Inject
    FootageHoldRepository holds;

    @Inject
    CameraRepository cameras;

    @Inject
    CaseRepository cases;

    @Inject
    ExtractFiles files;

    @Inject
    Journal journal;

    @Inject
    Event<ExtractsQueued> queued;

    Clock clock = Clock.systemUTC();

    /** A file to send, its size and SHA-256 as recorded, and the name to give it. */
    public record Download(Path file, long size, String sha256, String fileName) {
    }

    /** What a workflow step did, for the case's register of archive actions (French note). */
    public record Outcome(ArchiveActionStatus status, String note) {
    }

    /** Asks for an extraction; returns the queued extracts (one per camera). */
    public List<JsonObject> request(String reference, ExtractOrder order, String actor, String role) {
        AccessCase c = caseOf(reference);
        if (!c.status().isOpen()) {
            throw new ActionRefusedException(Reason.CONFLICT, "case-closed", "Le dossier " + reference
                    + " est clôturé : aucune extraction n'est plus possible.");
        }
        List<FootageExtract> made = queue(c, order, actor, role);
        return made.stream().map(ExtractJson::view).toList();
    }

    public JsonObject view(long id) {
        return ExtractJson.view(find(id));
    }

    public List<JsonObject> ofCase(String reference) {
        AccessCase c = caseOf(reference);
        return extracts.ofCase(c.reference().value()).stream().map(ExtractJson::view).toList();
    }

    /** The procès-verbal data of the request the extract belongs to (every camera of it). */
    public JsonObject pv(long id) {
        return ExtractJson.pv(extracts.ofRequest(find(id).requestId()));
    }

    /** Stops a queued or running extract; a finished one cannot be cancelled (409). */
    public JsonObject cancel(long id, String actor, String role) {
        FootageExtract e = extracts.lock(id).orElseThrow(() -> notFound(id));
        if (e.status().isFinished()) {
            throw new ActionRefusedException(Reason.CONFLICT, "extract-finished", "L'extraction n° " + id
                    + " est terminée (« " + e.status().label() + " ») : elle ne peut plus être annulée.");
        }
        boolean now = e.requestCancel(clock.instant());
        journal.record(JournalEvent.onCase(actor, role, JournalActions.FOOTAGE_EXTRACT_CANCELLED, e.caseReference())
                .withPurpose("Annulation de l'extraction demandée")
                .withDetail("extract", String.valueOf(id))
                .withDetail("camera", e.cameraId())
                .withDetail("status", e.status().name())
                .withDetail("stopped", now ? "immediately" : "at next progress"));
        return ExtractJson.view(e);
    }

    /**
     * Staff download of a finished extract, journalled as a consultation with its purpose (loi 78-17 Titre III: every
     * access is traceable). The file must still be the one recorded (same size).
     */
    public Download download(long id, String purpose, String actor, String role) {
        if (purpose == null || purpose.isBlank()) {
            throw InvalidCommandException.of("purpose", "La finalité de la consultation est obligatoire : elle est "
                    + "journalisée.");
        }
        if (purpose.strip().length() > FootageExtract.MAX_PURPOSE) {
            throw InvalidCommandException.of("purpose", "La finalité dépasse " + FootageExtract.MAX_PURPOSE
                    + " caractères.");
        }
        FootageExtract e = find(id);
        if (e.status() != ExtractStatus.DONE) {
            throw new ActionRefusedException(Reason.CONFLICT, "extract-not-available", "L'extrait n° " + id
                    + " n'est pas disponible (« " + e.status().label() + " »).");
        }
        return send(e, actor, role, purpose.strip());
    }

    /**
     * The masked copies the requester of case {@code reference} may download now (GDPR art. 15(3)): the finished
     * access-copy extracts of the case, while the case is "mis à disposition" and before the link expires.
     */
    public List<FootageExtract> requesterCopies(AccessCase c, Instant now) {
        if (c.status() != CaseStatus.MADE_AVAILABLE || c.deadlines().deliveryExpiresAt() == null
                || !now.isBefore(c.deadlines().deliveryExpiresAt())) {
            return List.of();
        }
        return extracts.ofCase(c.reference().value()).stream()
                .filter(e -> e.status() == ExtractStatus.DONE && e.purposeCategory() == ExtractPurpose.ACCESS_COPY)
                .toList();
    }

    /** The requester downloads one of {@link #requesterCopies}; empty for anything else (the caller answers 404). */
    public Optional<Download> downloadByRequester(AccessCase c, long id) {
        Instant now = clock.instant();
        return requesterCopies(c, now).stream().filter(e -> e.id() == id).findFirst()
                .map(e -> send(e, "requester", "requester", "Exercice du droit d'accès par la personne concernée : "
                        + "téléchargement de la copie des images (RGPD art. 15(3))"));
    }

    /** Checks the file is still the one produced (same size), journals the communication, returns the file. */
    private Download send(FootageExtract e, String actor, String role, String purpose) {
        Path file = files.resolve(e.outputLocation());
        long size;
        try {
            size = Files.size(file);
        } catch (IOException ex) {
            size = -1;
        }
        if (size != e.outputSize()) {
            throw new ActionRefusedException(Reason.CONFLICT, "extract-file-missing", "Le fichier de l'extrait n° "
                    + e.id() + " est absent ou modifié depuis sa production : il n'est pas communiqué.");
        }
        journal.record(JournalEvent.onCase(actor, role, JournalActions.FOOTAGE_EXTRACT_DOWNLOADED, e.caseReference())
                .withPurpose(purpose)
                .withDetail("extract", String.valueOf(e.id()))
                .withDetail("camera", e.cameraId())
                .withDetail("sha256", e.outputSha256()));
        return new Download(file, size, e.outputSha256(), ExtractJson.fileName(e));
    }

    /**
     * Workflow step "Produire l'extrait et son procès-verbal", after the operator's task: the extracts the operator
     * made through the API are reported; with none and "aucun tiers visible", Regard starts the extraction itself
     * with the camera's privacy masks only; otherwise it records that the operator must run it with the masks.
     * Never claims an extract that does not exist.
     */
    @TransactionAttribute(TransactionAttributeType.MANDATORY)
    public Outcome produceForCase(long caseId, String reference) {
        List<FootageExtract> mine = extracts.ofCase(reference);
        List<FootageExtract> done = mine.stream().filter(e -> e.status() == ExtractStatus.DONE).toList();
        if (!done.isEmpty()) {
            return new Outcome(ArchiveActionStatus.DONE, "Extrait(s) produit(s) : " + done.stream()
                    .map(e -> "n° " + e.id() + " (" + e.cameraId() + ", SHA-256 " + e.outputSha256().substring(0, 16)
                            + "…)").collect(Collectors.joining(", ")) + ".");
        }
        List<FootageExtract> running = mine.stream().filter(e -> !e.status().isFinished()).toList();
        if (!running.isEmpty()) {
            return new Outcome(ArchiveActionStatus.NOT_PERFORMED, "Extraction en cours : " + numbers(running)
                    + ". L'extrait n'existe pas encore.");
        }
        AccessCase c = cases.findById(caseId).orElseThrow();
        Extraction summary = c.extraction();
        if (summary != null && summary.masking() == Masking.NOT_NEEDED) {
            ExtractOrder order = new ExtractOrder(Arrays.asList(summary.cameras().split(",")), summary.windowStart(),
                    summary.windowEnd(), List.of(), ExtractPurpose.ACCESS_COPY.name(), WORKFLOW_PURPOSE);
            List<RuleViolation> refused = violations(c, order);
            if (refused.isEmpty()) {
                List<FootageExtract> started = queue(c, order, SYSTEM, SYSTEM);
                return new Outcome(ArchiveActionStatus.NOT_PERFORMED, "Extraction lancée par Regard (aucun tiers "
                        + "visible) : " + numbers(started) + ", en cours. Suivi : /api/v1/requests/" + reference
                        + "/extracts.");
            }
            return new Outcome(ArchiveActionStatus.NOT_PERFORMED, "Extraction non lancée : " + refused.stream()
                    .map(RuleViolation::message).collect(Collectors.joining(" ")) + " À effectuer par un opérateur.");
        }
        return new Outcome(ArchiveActionStatus.NOT_PERFORMED, "Aucun extrait produit : un opérateur habilité doit "
                + "lancer l'extraction avec le masquage des tiers (POST /api/v1/requests/" + reference + "/extracts).");
    }

    /**
     * Workflow step "Détruire l'extrait" at the end of the delivery (or at closure): each finished extract's file is
     * hashed, deleted and checked gone; unfinished extractions are cancelled. Idempotent. Journalled once.
     *
     * @throws UncheckedIOException when a file would not go (the step fails and is retried; nothing is recorded)
     */
    @TransactionAttribute(TransactionAttributeType.MANDATORY)
    public Outcome destroyForCase(long caseId, String reference) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        Instant expiry = cases.findById(caseId).map(c -> c.deadlines().deliveryExpiresAt()).orElse(null);
        List<String> destroyed = new ArrayList<>();
        List<String> cancelled = new ArrayList<>();
        List<String> hashes = new ArrayList<>();
        for (FootageExtract listed : extracts.ofCase(reference)) {
            FootageExtract e = extracts.lock(listed.id()).orElseThrow();
            if (!e.status().isFinished()) {
                e.requestCancel(now);
                cancelled.add("n° " + e.id());
            } else if (e.status() == ExtractStatus.DONE) {
                Path file = files.resolve(e.outputLocation());
                String sha = deleteChecked(file);
                String note = sha == null ? "Fichier déjà absent lors de la destruction (vérifié)."
                        : sha.equals(e.outputSha256()) ? "Fichier supprimé, absence vérifiée ; empreinte identique à "
                        + "celle de la production." : "Fichier supprimé, absence vérifiée ; ATTENTION : empreinte "
                        + "différente de celle de la production.";
                e.destroyed(now, SYSTEM, sha, note, expiry);
                destroyed.add("n° " + e.id() + " (" + e.cameraId() + ")");
                hashes.add(e.id() + ":" + (sha == null ? "absent" : sha));
            }
        }
        String note = destroyed.isEmpty() && cancelled.isEmpty() ? "Aucun extrait à détruire."
                : (destroyed.isEmpty() ? "" : "Extrait(s) détruit(s), fichiers supprimés et absence vérifiée : "
                + String.join(", ", destroyed) + ".")
                + (cancelled.isEmpty() ? "" : (destroyed.isEmpty() ? "" : " ") + "Extraction(s) en cours annulée(s) : "
                + String.join(", ", cancelled) + ".");
        journal.record(JournalEvent.onCase(SYSTEM, SYSTEM, JournalActions.FOOTAGE_EXTRACT_DESTROYED, reference)
                .withPurpose(DESTRUCTION_PURPOSE)
                .withDetail("destroyed", String.valueOf(destroyed.size()))
                .withDetail("cancelled", String.valueOf(cancelled.size()))
                .withDetail("hashes", String.join(",", hashes))
                .withDetail("deliveryExpiresAt", expiry == null ? "" : expiry.toString()));
        return new Outcome(ArchiveActionStatus.DONE, note);
    }

    /** Hash of what was deleted, or null when it was already gone; throws when it is still there afterwards. */
    private static String deleteChecked(Path file) {
        try {
            if (!Files.exists(file)) {
                return null;
            }
            String sha = ExtractFiles.sha256(file);
            Files.delete(file);
            if (Files.exists(file)) {
                throw new IOException("still present after deletion");
            }
            return sha;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot destroy the extract file " + file, e);
        }
    }

    private List<FootageExtract> queue(AccessCase c, ExtractOrder order, String actor, String role) {
        List<RuleViolation> violations = violations(c, order);
        if (!violations.isEmpty()) {
            throw new InvalidCommandException(violations);
        }
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        long requestId = extracts.nextRequestId();
        String reference = c.reference().value();
        ExtractPurpose category = order.category().orElseThrow();
        List<FootageExtract> made = new ArrayList<>();
        for (String cameraId : order.cameras()) {
            Camera camera = cameras.find(cameraId).orElseThrow();
            FootageExtract e = new FootageExtract(requestId, c.id(), reference, cameraId, order.from(), order.to(),
                    ExtractJson.masks(order.thirdParties(), camera.privacyMasks()), category, order.purpose(), actor,
                    role, now);
            extracts.add(e);
            made.add(e);
        }
        journal.record(JournalEvent.onCase(actor, role, JournalActions.FOOTAGE_EXTRACT_REQUESTED, reference)
                .withPurpose(order.purpose().strip())
                .withDetail("request", String.valueOf(requestId))
                .withDetail("extracts", made.stream().map(e -> String.valueOf(e.id())).collect(Collectors.joining(",")))
                .withDetail("cameras", String.join(",", order.cameras()))
                .withDetail("purposeCategory", category.name())
                .withDetail("windowStart", order.from().toString())
                .withDetail("windowEnd", order.to().toString())
                .withDetail("thirdPartyMasks", String.valueOf(order.masks().size())));
        queued.fire(new ExtractsQueued(made.stream().map(FootageExtract::id).toList()));
        return made;
    }

    private List<RuleViolation> violations(AccessCase c, ExtractOrder order) {
        Map<String, List<ExtractOrder.Span>> held = new HashMap<>();
        for (FootageHold h : holds.ofCase(c.reference().value())) {
            if (h.isActive()) {
                held.computeIfAbsent(h.cameraId(), k -> new ArrayList<>())
                        .add(new ExtractOrder.Span(h.windowStart(), h.windowEnd()));
            }
        }
        return order.violations(cameras.ids(), held, clock.instant(), SegmentQueries.MAX_WINDOW);
    }

    private static String numbers(List<FootageExtract> list) {
        return list.stream().map(e -> "n° " + e.id() + " (" + e.cameraId() + ")").collect(Collectors.joining(", "));
    }

    private AccessCase caseOf(String reference) {
        Optional<AccessCase> found = reference != null && CaseReference.isWellFormed(reference.strip())
                ? cases.findByReference(new CaseReference(reference.strip())) : Optional.empty();
        return found.orElseThrow(() -> new ActionRefusedException(Reason.NOT_FOUND, "case-not-found",
                "Aucun dossier ne porte la référence " + (reference == null ? "" : reference.length() > 40
                        ? reference.substring(0, 40) + "…" : reference) + "."));
    }

    private FootageExtract find(long id) {
        return extracts.find(id).orElseThrow(() -> notFound(id));
    }

    private static ActionRefusedException notFound(long id) {
        return new ActionRefusedException(Reason.NOT_FOUND, "extract-not-found", "Aucun extrait ne porte le numéro "
                + id + ".");
    }
}
