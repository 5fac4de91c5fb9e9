package fr.regard.archive.domain;

import fr.regard.journal.format.CompactRange;
import fr.regard.journal.format.MerkleHash;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HexFormat;
import java.util.regex.Pattern;

/**
 * The Merkle tree (RFC 6962 / RFC 9162 §2.1, the journal's own hashing) over the segments one purge batch destroyed,
 * whose root goes into the batch, its journal event and its attestation. Segments are appended in manifest order:
 * camera id (ascending, plain character order), then start. The leaf of a segment is
 * {@code SHA-256(0x00 || entry)} where {@code entry} is the UTF-8 text
 * <pre>{cameraId}\n{start}\n{end}\n{sizeBytes}\n{sha256}</pre>
 * with start and end as ISO-8601 UTC instants ({@link Instant#toString()}, e.g. {@code 2026-11-20T13:30:00Z}), the
 * size in decimal and the SHA-256 taken at ingest in lower-case hex — exactly the strings of the batch's JSON
 * manifest, so an auditor recomputes the root from the manifest alone (docs/archive.md "Merkle leaf").
 * An empty batch has the empty tree's hash, {@code SHA-256()}.
 */
public final class DestructionTree {

    private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");
    private static final HexFormat HEX = HexFormat.of();

    private CompactRange range = CompactRange.EMPTY;
    private String lastCamera;
    private Instant lastStart;

    /** The leaf entry of one destroyed segment (before the 0x00 prefix and hashing). */
    public static byte[] entry(String cameraId, Instant start, Instant end, long sizeBytes, String sha256) {
        CameraIds.check(cameraId);
        if (!SHA256.matcher(sha256).matches()) {
            throw new IllegalArgumentException("a segment hash is 64 lower-case hex digits: " + sha256);
        }
        String text = cameraId + "\n" + start + "\n" + end + "\n" + sizeBytes + "\n" + sha256;
        return text.getBytes(StandardCharsets.UTF_8);
    }

    /** Appends the next destroyed segment; segments must come in manifest order (camera, then start). */
    public DestructionTree add(String cameraId, Instant start, Instant end, long sizeBytes, String sha256) {
        if (lastCamera != null) {
            int byCamera = cameraId.compareTo(lastCamera);
            if (byCamera < 0 || byCamera == 0 && !start.isAfter(lastStart)) {
                throw new IllegalArgumentException("segments are added by camera then start: " + cameraId + " "
                        + start + " after " + lastCamera + " " + lastStart);
            }
        }
        range = range.append(MerkleHash.leaf(entry(cameraId, start, end, sizeBytes, sha256)));
        lastCamera = cameraId;
        lastStart = start;
        return this;
    }

    public long size() {
        return range.size();
    }

    /** The Merkle Tree Hash in lower-case hex. */
    public String rootHex() {
        return HEX.formatHex(range.rootHash());
    }
}
