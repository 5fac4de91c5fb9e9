package fr.regard.journal.format;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.OptionalLong;
import java.util.function.Function;
import java.util.stream.LongStream;

/**
 * A genuine journal of {@link SampleEntries} held in memory, with a checkpoint signed every {@code every} entries
 * and at the end, and the exporter rules of docs/journal-format.md ("Bundle", "What an exporter puts in a bundle") to
 * make bundles of any period. Tests tamper with the files it writes.
 */
public final class JournalFixture {

    public static final String ORIGIN = "regard.example/journal";

    private final NoteSigner signer = NoteSigner.generate(ORIGIN);
    private final List<byte[]> entries = new ArrayList<>();
    private final InMemoryLeafHashes leaves = new InMemoryLeafHashes();
    private final MerkleTree tree = new MerkleTree(leaves);
    private final List<Long> checkpointSizes = new ArrayList<>();
    private Function<SignedNote, byte[]> timestamper;

    private JournalFixture(int count, int every) {
        for (long seq = 0; seq < count; seq++) {
            byte[] entry = SampleEntries.entry(seq).canonicalBytes();
            entries.add(entry);
            leaves.appendEntry(entry);
            if ((seq + 1) % every == 0 || seq + 1 == count) {
                checkpointSizes.add(seq + 1);
            }
        }
    }

    /** A journal of {@code count} entries with a checkpoint every {@code every} entries and at the end. */
    public static JournalFixture create(int count, int every) {
        return new JournalFixture(count, every);
    }

    /** Adds an RFC 3161 token (or any bytes) to every checkpoint of the bundles made from now on. */
    public JournalFixture timestampedWith(Function<SignedNote, byte[]> timestamper) {
        this.timestamper = timestamper;
        return this;
    }

    public NoteSigner signer() {
        return signer;
    }

    public NoteVerifier verifier() {
        return signer.verifier();
    }

    public int size() {
        return entries.size();
    }

    public byte[] entry(long seq) {
        return entries.get((int) seq).clone();
    }

    public byte[] leafHash(long seq) {
        return leaves.leafHash(seq);
    }

    public List<Long> checkpointSizes() {
        return List.copyOf(checkpointSizes);
    }

    public Checkpoint checkpoint(long size) {
        return new Checkpoint(ORIGIN, size, tree.rootHash(size));
    }

    public SignedNote signedCheckpoint(long size) {
        return checkpoint(size).sign(signer);
    }

    public ConsistencyProof consistencyProof(long from, long to) {
        return tree.consistencyProof(from, to);
    }

    /** The bundle of the whole journal. */
    public JournalBundle bundle() {
        return bundle(0, size() - 1, size(), OptionalLong.empty());
    }

    /**
     * A genuine bundle of the entries {@code from..to} exported when the journal had {@code exportSize} entries,
     * following the exporter rules.
     */
    public JournalBundle bundle(long from, long to, long exportSize, OptionalLong since) {
        List<Long> chosen = new ArrayList<>();
        checkpointSizes.stream().filter(s -> s < from).reduce((a, b) -> b).ifPresent(chosen::add);
        boolean partial = to + 1 < exportSize;
        List<Long> inPeriod = checkpointSizes.stream().filter(s -> s >= from && s <= exportSize
                && (!partial || s <= to + 1)).toList();
        chosen.addAll(inPeriod);
        long newestAtExport = checkpointSizes.stream().filter(s -> s <= exportSize).reduce((a, b) -> b).orElse(0L);
        if (partial && newestAtExport > to + 1) {
            chosen.add(newestAtExport);
        }
        long newest = chosen.isEmpty() ? 0 : chosen.get(chosen.size() - 1);
        List<ConsistencyProof> proofs = new ArrayList<>();
        for (long size : chosen) {
            if (size < from) {
                proofs.add(tree.consistencyProof(size, newest));
            }
        }
        if (partial && newest > to + 1) {
            proofs.add(tree.consistencyProof(to + 1, newest));
        }
        since.ifPresent(size -> proofs.add(tree.consistencyProof(size, newest)));
        List<CheckpointEvidence> evidences = chosen.stream().map(this::evidence).toList();
        return JournalBundle.builder().origin(ORIGIN).entries(from, to).treeSize(exportSize)
                .exportedAt(Instant.parse("2026-12-01T09:00:00Z")).prefix(tree.compactRange(from))
                .checkpoints(evidences).consistencyProofs(proofs).verifierKey(signer.verifier().verifierKey()).build();
    }

    public CheckpointEvidence evidence(long size) {
        SignedNote note = signedCheckpoint(size);
        return timestamper == null ? CheckpointEvidence.of(note)
                : CheckpointEvidence.of(note.format(), timestamper.apply(note));
    }

    public Iterator<AuditRecord> records(long from, long to) {
        return LongStream.rangeClosed(from, to)
                .mapToObj(seq -> new AuditRecord(entries.get((int) seq), leaves.leafHash(seq))).iterator();
    }

    public Path writeDirectory(Path directory, JournalBundle bundle) throws IOException {
        JournalBundleWriter.writeDirectory(directory, bundle, records(bundle.firstSeq(), bundle.lastSeq()));
        return directory;
    }

    public Path writeZip(Path file, JournalBundle bundle) throws IOException {
        try (OutputStream out = Files.newOutputStream(file)) {
            JournalBundleWriter.writeZip(out, bundle, records(bundle.firstSeq(), bundle.lastSeq()));
        }
        return file;
    }

    /** A fake RFC 3161 "token" for the audit's own tests: "TSA" followed by SHA-256 of the note. */
    public static byte[] fakeToken(SignedNote note) {
        byte[] digest = sha256(note.toBytes());
        byte[] token = new byte[3 + digest.length];
        System.arraycopy("TSA".getBytes(StandardCharsets.US_ASCII), 0, token, 0, 3);
        System.arraycopy(digest, 0, token, 3, digest.length);
        return token;
    }

    /** Accepts exactly the {@link #fakeToken}s, with a fixed genTime. */
    public static TimestampCheck fakeTimestampCheck(Instant genTime) {
        return (note, token) -> {
            byte[] expected = new byte[3 + 32];
            System.arraycopy("TSA".getBytes(StandardCharsets.US_ASCII), 0, expected, 0, 3);
            System.arraycopy(sha256(note), 0, expected, 3, 32);
            return MessageDigest.isEqual(expected, token) ? TimestampCheck.Result.valid(genTime, "jeton valide")
                    : TimestampCheck.Result.invalid("empreinte du message différente");
        };
    }

    private static byte[] sha256(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
