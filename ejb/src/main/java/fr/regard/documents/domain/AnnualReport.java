package fr.regard.documents.domain;

import fr.regard.cases.domain.RefusalGround;
import java.time.Instant;
import java.util.List;

/**
 * Rapport annuel: the year's statistics of access requests and destruction, for the DPO's accountability (GDPR art.
 * 5(2)) and the commission départementale de vidéoprotection.
 */
public record AnnualReport(String reference, Instant issuedAt, int year, Requests requests, Outcomes outcomes,
                           Delays delays, List<GroundCount> refusalGrounds, Purges purges) implements DocumentModel {

    /** Requests received, by channel and kind, and how many within the charter window. */
    public record Requests(long total, long web, long email, long letter, long destructionVerifications,
                           long withinCharterWindow) {
    }

    /** How cases ended. */
    public record Outcomes(long copies, long viewings, long partial, long refused, long noData, long footageDestroyed,
                           long withdrawn, long closedWithoutComplement, long indirectAccessReferrals) {
    }

    /** Answer times: median days from receipt to answer, extensions granted, answers past their due date. */
    public record Delays(double medianDays, long extensions, long overdue) {
    }

    /** How often a refusal ground was used. */
    public record GroundCount(RefusalGround ground, long count) {
    }

    /** The year's purges: certificates issued, segments destroyed and kept under hold. */
    public record Purges(long certificates, long segmentsDestroyed, long judicialHolds) {
    }

    public AnnualReport {
        reference = Checks.text(reference, "reference");
        Checks.present(issuedAt, "issuedAt");
        if (year < 2000 || year > 2200) {
            throw new IllegalArgumentException("year out of range: " + year);
        }
        Checks.present(requests, "requests");
        Checks.present(outcomes, "outcomes");
        Checks.present(delays, "delays");
        refusalGrounds = Checks.list(refusalGrounds, "refusalGrounds");
        Checks.present(purges, "purges");
    }

    @Override
    public DocumentType type() {
        return DocumentType.ANNUAL_REPORT;
    }
}
