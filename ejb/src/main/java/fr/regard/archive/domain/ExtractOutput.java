package fr.regard.archive.domain;

import java.time.Instant;

/**
 * The file a finished extract produced: where it lies under the extracts folder, its size and SHA-256 (of the file as
 * published), how long it plays, its frames, its first frame and end, the periods without footage and the masks as
 * applied (JSON), and the engine that made it.
 */
public record ExtractOutput(String location, long size, String sha256, long durationMillis, long frames,
                            Instant firstFrame, Instant end, String gapsJson, String appliedMasksJson, String engine) {
}
