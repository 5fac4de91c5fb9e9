package fr.regard.documents.domain;

import java.time.Instant;
import java.util.List;

/**
 * Export du journal for an auditor: the entries of a period (loi 78-17 Titre III logging: who, what, when, why), the
 * Merkle tree head that covers them and the SHA-256 of the exported entries, so that the offline verifier can check a
 * bundle against this document. {@code bundleSha256} is the SHA-256 of the entries' canonical JSON, each followed by a
 * line feed, in sequence order (the {@code entries.jsonl} of a bundle of exactly these entries); {@code checkpoint}
 * is the signed note of the tree head ({@code treeSize}, {@code rootHash}), and each entry carries its leaf hash, so
 * its inclusion in that tree can be proven ({@code GET /api/v1/journal/proofs/inclusion}).
 */
public record JournalExport(String reference, Instant issuedAt, String requestedBy, String purpose, Instant from,
                            Instant to, long treeSize, String rootHash, String bundleSha256, List<Entry> entries,
                            String checkpoint) implements DocumentModel {

    /** One journal entry as the export lists it, with its leaf hash (hex) when exported from the journal. */
    public record Entry(long seq, Instant at, String actor, String action, String caseReference, String purpose,
                        String leafHash) {

        public Entry {
            Checks.notNegative(seq, "entries.seq");
            Checks.present(at, "entries.at");
            actor = Checks.text(actor, "entries.actor");
            action = Checks.text(action, "entries.action");
            caseReference = Checks.optionalText(caseReference, "entries.caseReference");
            purpose = Checks.optionalText(purpose, "entries.purpose");
            leafHash = Checks.optionalText(leafHash, "entries.leafHash");
        }
    }

    public JournalExport {
        reference = Checks.text(reference, "reference");
        Checks.present(issuedAt, "issuedAt");
        requestedBy = Checks.text(requestedBy, "requestedBy");
        purpose = Checks.text(purpose, "purpose");
        Checks.present(from, "from");
        Checks.present(to, "to");
        Checks.ordered(from, to, "period");
        Checks.notNegative(treeSize, "treeSize");
        rootHash = Checks.text(rootHash, "rootHash");
        bundleSha256 = Checks.text(bundleSha256, "bundleSha256");
        entries = Checks.list(entries, "entries");
        checkpoint = Checks.optionalText(checkpoint, "checkpoint");
    }

    @Override
    public DocumentType type() {
        return DocumentType.JOURNAL_EXPORT;
    }
}
