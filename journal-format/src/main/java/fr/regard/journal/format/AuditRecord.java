package fr.regard.journal.format;

/**
 * One position of an audited journal (docs/journal-format.md, "Audit"): the raw canonical bytes of the entry as stored
 * and the leaf hash stored at integration time. Either may be null when the source lacks it (a bundle whose
 * {@code entries.jsonl} and {@code leaf-hashes.txt} have different lengths, an unreadable hash line).
 */
public record AuditRecord(byte[] canonicalEntry, byte[] storedLeafHash) {
}
