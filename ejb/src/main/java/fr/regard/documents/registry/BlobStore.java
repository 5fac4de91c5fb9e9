package fr.regard.documents.registry;

import java.util.Optional;

/**
 * Content-addressed store of issued documents' bytes (seam): a blob is named by the SHA-256 of its content, written
 * once (a second identical blob is not written again) and never changed. The default stores files under
 * {@code <regard.data.dir>/documents/sha256/ab/cdef…}; an S3-compatible object store fits the same contract
 * (docs/documents.md "Registry").
 */
public interface BlobStore {

    /** Stores {@code content} (atomically: a reader sees the whole blob or none) and returns its address. */
    StoredBlob put(byte[] content);

    /** The blob of that SHA-256 (lower-case hex), if stored. */
    Optional<byte[]> get(String sha256);

    boolean contains(String sha256);

    /**
     * Erases the blob of that SHA-256; true if it was there. The one exception to "never changed", for content that
     * must not outlive its use: the outbox's copy of a mail carrying a requester's secret tracking link, once sent
     * (docs/mail.md "Outbox"). The address is the content's hash, so only a caller whose content is unique (the secret
     * makes it so) may erase it.
     */
    boolean erase(String sha256);

    /** A stored blob: its SHA-256 (lower-case hex), size, and whether this call wrote it (false: already there). */
    record StoredBlob(String sha256, long size, boolean written) {
    }
}
