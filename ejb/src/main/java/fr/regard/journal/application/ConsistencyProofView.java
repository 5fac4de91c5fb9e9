package fr.regard.journal.application;

import java.util.List;

/** RFC 9162 §2.1.4 consistency proof between two tree sizes, with both roots. */
public record ConsistencyProofView(long from, long to, byte[] fromRoot, byte[] toRoot, List<byte[]> hashes) {
}
