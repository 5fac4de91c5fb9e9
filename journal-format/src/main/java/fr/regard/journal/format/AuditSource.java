package fr.regard.journal.format;

import java.io.IOException;
import java.util.List;
import java.util.OptionalLong;

/**
 * What {@link JournalAudit} verifies (docs/journal-format.md, "Audit"): a contiguous run of journal entries from
 * {@link #firstSeq()} with the compact range of the entries before it, the signed checkpoints and the consistency
 * proofs. The bundle reader provides one for the offline verifier; the server provides one backed by its database
 * for its own integrity check. Nothing here is trusted: the audit trusts only the pinned log key.
 */
public interface AuditSource {

    /** The log origin that every checkpoint must carry (the bundle manifest's {@code origin}). */
    String origin();

    /** Seq of the first entry, which is also the size of {@link #prefix()}. */
    long firstSeq();

    /** Seq of the last entry the source declares ({@code firstSeq - 1} when empty), or empty if undeclared. */
    OptionalLong lastSeq();

    /** The compact range of the tree of the first {@link #firstSeq()} entries. */
    CompactRange prefix();

    /** A new cursor over the entries from {@link #firstSeq()}, in order; the caller closes it. */
    EntryCursor entries() throws IOException;

    /** The signed checkpoints, as given (they should ascend in size). */
    List<CheckpointEvidence> checkpoints();

    /** The consistency proofs between checkpoint sizes. */
    List<ConsistencyProof> consistencyProofs();

    /** The tree size when the source was exported, if known. */
    OptionalLong treeSizeAtExport();
}
