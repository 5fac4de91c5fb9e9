package fr.regard.verifier.bench;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import fr.regard.journal.format.AuditReport;
import fr.regard.journal.format.Checkpoint;
import fr.regard.journal.format.CheckpointEvidence;
import fr.regard.journal.format.CompactRange;
import fr.regard.journal.format.JournalAudit;
import fr.regard.journal.format.JournalBundle;
import fr.regard.journal.format.JournalBundleReader;
import fr.regard.journal.format.JournalBundleWriter;
import fr.regard.journal.format.MerkleHash;
import fr.regard.journal.format.NoteSigner;
import fr.regard.journal.format.NoteVerifier;
import fr.regard.journal.format.SampleEntries;
import fr.regard.verifier.VerifierCli;

/**
 * The verifier benchmark of docs/performance.md: generates (once) a bundle of 1,000,000 realistic entries with a signed
 * checkpoint every 1,000 entries, then, in the same JVM and after a warm-up, measures single-threaded (1) raw
 * SHA-256 of exactly the bytes of {@code entries.jsonl} and (2) the full {@link JournalAudit} of the bundle, and
 * prints throughput and their ratio (goal: audit at least 50% of raw SHA-256). Like the verifier, it checks Ed25519
 * signatures with BouncyCastle ({@link VerifierCli#useBouncyCastleForSignatures()}).
 *
 * <p>Run: {@code verifier/bench.sh} (arguments: entries, rounds; the main class also takes the bundle folder first).
 */
public final class VerificationBenchmark {

    private static final String ORIGIN = "regard.example/journal";
    private static final int CHECKPOINT_EVERY = 1_000;

    private VerificationBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Path folder = Path.of(args.length > 0 ? args[0] : "target/bench");
        int entries = args.length > 1 ? Integer.parseInt(args[1]) : 1_000_000;
        int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 5;
        Path bundle = folder.resolve("bundle-" + entries);
        if (!Files.exists(bundle.resolve(JournalBundle.MANIFEST))) {
            long start = System.nanoTime();
            generate(bundle, entries);
            System.out.printf("generated %s in %.1f s%n", bundle, (System.nanoTime() - start) / 1e9);
        }
        VerifierCli.useBouncyCastleForSignatures();
        NoteVerifier pinnedKey = NoteVerifier.parse(Files.readString(bundle.resolve(JournalBundle.VERIFIER_KEY)).strip());
        long bytes = Files.size(bundle.resolve(JournalBundle.ENTRIES));
        System.out.printf("entries.jsonl: %,d entries, %,d bytes (%.1f bytes per line); leaf-hashes.txt: %,d bytes%n",
                entries, bytes, (double) bytes / entries, Files.size(bundle.resolve(JournalBundle.LEAF_HASHES)));

        System.out.println("warm-up...");
        for (int i = 0; i < 2; i++) {
            rawSha256(bundle);
            audit(bundle, pinnedKey);
        }
        long[] raw = new long[rounds];
        long[] audit = new long[rounds];
        for (int i = 0; i < rounds; i++) {
            raw[i] = rawSha256(bundle);
            audit[i] = audit(bundle, pinnedKey);
            System.out.printf("round %d: raw SHA-256 %d ms, full audit %d ms%n", i + 1, raw[i] / 1_000_000,
                    audit[i] / 1_000_000);
        }
        double rawSeconds = median(raw) / 1e9;
        double auditSeconds = median(audit) / 1e9;
        System.out.printf("%nmedian of %d rounds, single thread, same JVM:%n", rounds);
        print("(1) raw SHA-256 of entries.jsonl", bytes, entries, rawSeconds);
        print("(2) full JournalAudit of the bundle", bytes, entries, auditSeconds);
        System.out.printf("ratio (2)/(1): %.1f%% of raw SHA-256 throughput (goal >= 50%%)%n",
                100 * rawSeconds / auditSeconds);
    }

    private static void print(String what, long bytes, long entries, double seconds) {
        System.out.printf("%-38s %8.3f s  %8.1f MB/s  %,12.0f entries/s%n", what, seconds, bytes / seconds / 1e6,
                entries / seconds);
    }

    /** Raw SHA-256 of the file's bytes, one MessageDigest, 64 KiB reads; returns nanoseconds. */
    private static long rawSha256(Path bundle) throws Exception {
        long start = System.nanoTime();
        MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
        byte[] buffer = new byte[1 << 16];
        try (InputStream in = Files.newInputStream(bundle.resolve(JournalBundle.ENTRIES))) {
            for (int read; (read = in.read(buffer)) > 0; ) {
                sha256.update(buffer, 0, read);
            }
        }
        byte[] digest = sha256.digest();
        long elapsed = System.nanoTime() - start;
        if (digest[0] == 42 && digest[1] == 42 && digest[2] == 42) {
            System.out.print("");
        }
        return elapsed;
    }

    /** Opening the bundle and the whole audit, as the verifier does; returns nanoseconds. */
    private static long audit(Path bundle, NoteVerifier pinnedKey) throws IOException {
        long start = System.nanoTime();
        AuditReport report;
        try (JournalBundleReader reader = JournalBundleReader.open(bundle)) {
            report = JournalAudit.run(reader.auditSource(), pinnedKey, Optional.empty(), null);
        }
        long elapsed = System.nanoTime() - start;
        if (!report.ok()) {
            throw new IllegalStateException("the benchmark bundle must verify: " + report.findings());
        }
        return elapsed;
    }

    /** Two passes over deterministic entries: roots and signed checkpoints first, then the files. */
    static void generate(Path bundle, int entries) throws IOException {
        NoteSigner signer = NoteSigner.generate(ORIGIN);
        List<CheckpointEvidence> checkpoints = new ArrayList<>();
        CompactRange range = CompactRange.EMPTY;
        for (long seq = 0; seq < entries; seq++) {
            range = range.append(MerkleHash.leaf(SampleEntries.entry(seq).canonicalBytes()));
            if ((seq + 1) % CHECKPOINT_EVERY == 0 || seq + 1 == entries) {
                checkpoints.add(CheckpointEvidence.of(new Checkpoint(ORIGIN, seq + 1, range.rootHash()).sign(signer)));
            }
        }
        JournalBundle metadata = JournalBundle.builder().origin(ORIGIN).entries(0, entries - 1L).treeSize(entries)
                .exportedAt(Instant.now()).checkpoints(checkpoints).verifierKey(signer.verifier().verifierKey()).build();
        try (JournalBundleWriter writer = JournalBundleWriter.toDirectory(bundle, metadata)) {
            for (long seq = 0; seq < entries; seq++) {
                byte[] entry = SampleEntries.entry(seq).canonicalBytes();
                writer.append(entry, MerkleHash.leaf(entry));
            }
        }
        Files.writeString(bundle.resolve("README.txt"), "Benchmark bundle of VerificationBenchmark; pinned key in "
                + "keys/journal.vkey.\n", StandardCharsets.UTF_8);
    }

    private static double median(long[] values) {
        long[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted.length % 2 == 1 ? sorted[sorted.length / 2]
                : (sorted[sorted.length / 2 - 1] + sorted[sorted.length / 2]) / 2.0;
    }
}
