package fr.regard.archive.domain;

import java.time.Instant;

/** One request made to the archive for a case and what became of it ({@code note} says why, in French). */
public record ArchiveAction(long id, String caseReference, ArchiveActionType type, ArchiveActionStatus status,
                            String note, Instant recordedAt) {
}
