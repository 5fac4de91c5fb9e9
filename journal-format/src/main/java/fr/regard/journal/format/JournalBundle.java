package fr.regard.journal.format;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The metadata of a journal bundle, an auditor's export of a period (docs/journal-format.md, "Bundle"): everything but
 * the entries and their stored leaf hashes, which are streamed by {@link JournalBundleWriter} and
 * {@link JournalBundleReader}. Immutable; {@link Builder#build()} checks that the manifest is self-consistent
 * ({@code 0 <= firstSeq <= lastSeq + 1 <= treeSize}, prefix of size {@code firstSeq}).
 */
public final class JournalBundle {

    /** Value of the manifest's {@code format} member for this version. */
    public static final String FORMAT = "regard-journal-bundle/1";

    public static final String MANIFEST = "manifest.json";
    public static final String PREFIX = "prefix.json";
    public static final String ENTRIES = "entries.jsonl";
    public static final String LEAF_HASHES = "leaf-hashes.txt";
    public static final String CHECKPOINTS = "checkpoints.jsonl";
    public static final String CONSISTENCY = "consistency.jsonl";
    public static final String VERIFIER_KEY = "keys/journal.vkey";
    public static final String TSA_CERTIFICATES = "keys/tsa.pem";

    private final String origin;
    private final long firstSeq;
    private final long lastSeq;
    private final Instant exportedAt;
    private final long treeSize;
    private final CompactRange prefix;
    private final List<CheckpointEvidence> checkpoints;
    private final List<ConsistencyProof> consistencyProofs;
    private final String verifierKey;
    private final String tsaCertificatesPem;

    private JournalBundle(Builder builder) {
        this.origin = Objects.requireNonNull(builder.origin, "origin");
        if (origin.isEmpty() || origin.indexOf('\n') >= 0) {
            throw new IllegalArgumentException("the origin is one non-empty line");
        }
        this.firstSeq = builder.firstSeq;
        this.lastSeq = builder.lastSeq;
        this.treeSize = builder.treeSize;
        if (firstSeq < 0 || lastSeq < firstSeq - 1 || treeSize < lastSeq + 1) {
            throw new IllegalArgumentException("the manifest needs 0 <= firstSeq <= lastSeq + 1 <= treeSize, got firstSeq="
                    + firstSeq + ", lastSeq=" + lastSeq + ", treeSize=" + treeSize);
        }
        this.exportedAt = Objects.requireNonNull(builder.exportedAt, "exportedAt");
        this.prefix = builder.prefix != null ? builder.prefix : firstSeq == 0 ? CompactRange.EMPTY : null;
        if (prefix == null || prefix.size() != firstSeq) {
            throw new IllegalArgumentException("the prefix must be the compact range of the first " + firstSeq + " entries");
        }
        this.checkpoints = List.copyOf(builder.checkpoints);
        this.consistencyProofs = List.copyOf(builder.consistencyProofs);
        this.verifierKey = builder.verifierKey;
        this.tsaCertificatesPem = builder.tsaCertificatesPem;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding this bundle's values, to derive a variant. */
    public Builder toBuilder() {
        Builder builder = new Builder().origin(origin).entries(firstSeq, lastSeq).treeSize(treeSize)
                .exportedAt(exportedAt).prefix(prefix).checkpoints(checkpoints).consistencyProofs(consistencyProofs);
        builder.verifierKey = verifierKey;
        builder.tsaCertificatesPem = tsaCertificatesPem;
        return builder;
    }

    public String origin() {
        return origin;
    }

    /** Seq of the first entry, also the size of {@link #prefix()}. */
    public long firstSeq() {
        return firstSeq;
    }

    /** Seq of the last entry; {@code firstSeq - 1} for an empty bundle. */
    public long lastSeq() {
        return lastSeq;
    }

    /** Number of entries the bundle declares: {@code lastSeq - firstSeq + 1}. */
    public long entryCount() {
        return lastSeq - firstSeq + 1;
    }

    public Instant exportedAt() {
        return exportedAt;
    }

    /** Size of the journal's tree at export time. */
    public long treeSize() {
        return treeSize;
    }

    public CompactRange prefix() {
        return prefix;
    }

    public List<CheckpointEvidence> checkpoints() {
        return checkpoints;
    }

    public List<ConsistencyProof> consistencyProofs() {
        return consistencyProofs;
    }

    /** The C2SP verifier key the server says it uses; informational, never trusted by the verifier. */
    public Optional<String> verifierKey() {
        return Optional.ofNullable(verifierKey);
    }

    /** The PEM certificate chain of the RFC 3161 time-stamping authority, if shipped. */
    public Optional<String> tsaCertificatesPem() {
        return Optional.ofNullable(tsaCertificatesPem);
    }

    @Override
    public String toString() {
        return "JournalBundle[origin=" + origin + ", seqs " + firstSeq + ".." + lastSeq + ", treeSize=" + treeSize
                + ", checkpoints=" + checkpoints.size() + ", proofs=" + consistencyProofs.size() + "]";
    }

    /** Builds a {@link JournalBundle}; {@code prefix} may be left out when {@code firstSeq} is 0. */
    public static final class Builder {
        private String origin;
        private long firstSeq;
        private long lastSeq = -1;
        private Instant exportedAt;
        private long treeSize;
        private CompactRange prefix;
        private List<CheckpointEvidence> checkpoints = List.of();
        private List<ConsistencyProof> consistencyProofs = List.of();
        private String verifierKey;
        private String tsaCertificatesPem;

        private Builder() {
        }

        public Builder origin(String origin) {
            this.origin = origin;
            return this;
        }

        /** The seqs of the first and last entries ({@code lastSeq = firstSeq - 1} when empty). */
        public Builder entries(long firstSeq, long lastSeq) {
            this.firstSeq = firstSeq;
            this.lastSeq = lastSeq;
            return this;
        }

        public Builder treeSize(long treeSize) {
            this.treeSize = treeSize;
            return this;
        }

        public Builder exportedAt(Instant exportedAt) {
            this.exportedAt = exportedAt;
            return this;
        }

        public Builder prefix(CompactRange prefix) {
            this.prefix = prefix;
            return this;
        }

        public Builder checkpoints(List<CheckpointEvidence> checkpoints) {
            this.checkpoints = List.copyOf(checkpoints);
            return this;
        }

        public Builder consistencyProofs(List<ConsistencyProof> consistencyProofs) {
            this.consistencyProofs = List.copyOf(consistencyProofs);
            return this;
        }

        public Builder verifierKey(String verifierKey) {
            this.verifierKey = Objects.requireNonNull(verifierKey, "verifierKey");
            return this;
        }

        public Builder tsaCertificatesPem(String pem) {
            this.tsaCertificatesPem = Objects.requireNonNull(pem, "pem");
            return this;
        }

        public JournalBundle build() {
            return new JournalBundle(this);
        }
    }
}
