package fr.regard.documents.domain;

import java.time.Instant;
import java.util.List;

/**
 * The data of one document, one record per {@link DocumentType}: the compiler makes a caller give every field, and
 * each record checks its values when built. The record is also what the PDF carries as its machine-readable
 * associated file (docs/documents.md "Data file"): keep components stable, add rather than rename.
 */
public sealed interface DocumentModel permits Acknowledgement, ComplementRequest, ExtensionNotice, ResponseCopy,
        ViewingInvitation, Refusal, FootageDestroyed, ExtractionReport, DestructionAttestation, PurgeCertificate,
        JournalExport, AnnualReport, ComplementReminder, ClosureMissingComplement, NoData, JudicialHold,
        WithdrawalAcknowledgement {

    DocumentType type();

    /** The case reference, or the document's own reference for a certificate, export or report. */
    String reference();

    /** When the document is issued: the date it bears. */
    Instant issuedAt();

    /** The legal texts the document applies: those of its type, plus those of the case's regime where it has one. */
    default List<LegalBasis> legalBases() {
        return type().legalBases();
    }
}
