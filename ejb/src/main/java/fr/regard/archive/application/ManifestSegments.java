package fr.regard.archive.application;

import java.time.Instant;

/** Receives a closed batch's destroyed segments in manifest order (camera, then start): the Merkle leaves. */
@FunctionalInterface
public interface ManifestSegments {

    void segment(String cameraId, Instant start, Instant end, long sizeBytes, String sha256);
}
