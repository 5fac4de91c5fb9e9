package fr.regard.journal.application;

import java.util.List;

/** RFC 9162 §2.1.3 audit path of one entry, with the leaf hash and the root it leads to. */
public record InclusionProofView(long seq, long treeSize, byte[] rootHash, byte[] leafHash, List<byte[]> hashes) {
}
