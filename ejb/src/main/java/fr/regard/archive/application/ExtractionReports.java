package fr.regard.archive.application;

import fr.regard.archive.domain.ExtractStatus;
import fr.regard.archive.domain.FootageExtract;
import fr.regard.archive.domain.FootageExtractRepository;
import fr.regard.cases.application.ActionRefusedException;
import fr.regard.cases.application.ActionRefusedException.Reason;
import fr.regard.cases.domain.Masking;
import fr.regard.documents.domain.DocumentLanguage;
import fr.regard.documents.domain.ExtractionReport;
import fr.regard.documents.registry.DocumentIssuer;
import fr.regard.documents.registry.IssuedDocument;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;

/**
 * Issues the procès-verbal d'extraction of a finished extraction (all cameras of the request done) as a sealed
 * document of its case (EXTRACTION_REPORT, French, staff-facing), from the same data as {@code GET
 * /extracts/{id}/pv}: cameras, window, output files with their size and SHA-256, masking, operator and purpose.
 */
@Stateless
public class ExtractionReports {

    @Inject
    FootageExtractRepository extracts;

    @Inject
    DocumentIssuer issuer;

    Clock clock = Clock.systemUTC();

    public IssuedDocument issue(long extractId, String actor) {
        FootageExtract any = extracts.find(extractId).orElseThrow(() -> new ActionRefusedException(Reason.NOT_FOUND,
                "extract-not-found", "Aucun extrait ne porte le numéro " + extractId + "."));
        List<FootageExtract> request = extracts.ofRequest(any.requestId()).stream()
                .sorted(Comparator.comparing(FootageExtract::cameraId)).toList();
        if (request.stream().anyMatch(e -> e.status() != ExtractStatus.DONE || e.outputSha256() == null)) {
            throw new ActionRefusedException(Reason.CONFLICT, "extraction-not-finished", "L'extraction n'est pas "
                    + "terminée sur toutes ses caméras : le procès-verbal sera émis quand chaque extrait sera produit.");
        }
        FootageExtract first = request.get(0);
        Instant extractedAt = request.stream().map(FootageExtract::finishedAt).max(Comparator.naturalOrder()).orElseThrow();
        List<ExtractionReport.ExtractedFile> files = request.stream().map(e -> new ExtractionReport.ExtractedFile(
                e.cameraId(), e.outputFirstFrame() != null ? e.outputFirstFrame() : e.windowStart(),
                e.outputEnd() != null ? e.outputEnd() : e.windowEnd(),
                Path.of(e.outputLocation()).getFileName().toString(), e.outputSize(), e.outputSha256())).toList();
        boolean masked = request.stream().anyMatch(e -> e.appliedMasks() != null && e.appliedMasks().contains("THIRD_PARTY"));
        ExtractionReport model = new ExtractionReport(first.caseReference(), clock.instant(),
                first.requestedBy() + " (" + first.requestedRole() + ")",
                "Délégué à la protection des données, instruction du dossier " + first.caseReference(),
                first.purpose(), extractedAt, first.windowStart(), first.windowEnd(), files,
                masked ? Masking.APPLIED : Masking.NOT_NEEDED,
                masked ? "Masquage des tiers image par image (zones désignées par l'opérateur), masques de confidentialité "
                        + "de la caméra" : "Aucun tiers visible selon l'opérateur ; masques de confidentialité de la caméra");
        return issuer.issue(model, DocumentLanguage.FR, first.caseId(), first.caseReference(), actor, null);
    }
}
