package fr.regard.cases.application;

import fr.regard.archive.domain.ArchiveAction;
import java.time.Instant;

/** What was asked of the recording archive for a case, and whether it was done (staff only). */
public record ArchiveActionView(String type, String label, String status, String statusLabel, String note,
                                Instant recordedAt) {

    public static ArchiveActionView of(ArchiveAction action) {
        return new ArchiveActionView(action.type().name(), action.type().label(), action.status().name(),
                action.status().label(), action.note(), action.recordedAt());
    }
}
