package fr.regard.verifier.bench;

import java.io.IOException;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import com.sun.management.OperatingSystemMXBean;

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
 * checkpoint every 1,000 entries, then, in the same JVM and after a warm-up, measures in each round (1) raw SHA-256 of
 * exactly the bytes of {@code entries.jsonl} on one thread, (2) the full {@link JournalAudit} of the bundle on one
 * thread ({@code --threads 1}) and (3) the same audit on {@link JournalAudit#defaultThreads()} threads (the verifier's
 * default), and prints their throughput and the ratios (2)/(1) and (3)/(1) against the same single-thread raw SHA-256
 * (goal: at least 50%), with the CPU time each audit used. Both audits must pass and give equal reports. Like the
 * verifier, it checks Ed25519 signatures with BouncyCastle ({@link VerifierCli#useBouncyCastleForSignatures()}).
 *
 * <p>Run: {@code verifier/bench.sh} (arguments: entries, rounds, threads; the main class also takes the bundle folder
 * first).
 */
public final class VerificationBenchmark {

    private static final String ORIGIN = "regard.example/journal";
    private static final int CHECKPOINT_EVERY = 1_000;
    private static final int WARM_UP_ROUNDS = 2;

    private VerificationBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Path folder = Path.of(args.length > 0 ? args[0] : "target/bench");
        int entries = args.length > 1 ? Integer.parseInt(args[1]) : 1_000_000;
        int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 7;
        int threads = args.length > 3 ? Integer.parseInt(args[3]) : JournalAudit.defaultThreads();
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
        System.out.printf("%d available processor(s); multi-thread audit on %d threads%n",
                Runtime.getRuntime().availableProcessors(), threads);

        System.out.println("warm-up...");
        for (int i = 0; i < WARM_UP_ROUNDS; i++) {
            rawSha256(bundle);
            Audit single = audit(bundle, pinnedKey, 1);
            Audit multi = audit(bundle, pinnedKey, threads);
            requireSameReport(single, multi);
        }
        long[] raw = new long[rounds];
        long[] single = new long[rounds];
        long[] singleCpu = new long[rounds];
        long[] multi = new long[rounds];
        long[] multiCpu = new long[rounds];
        for (int i = 0; i < rounds; i++) {
            raw[i] = rawSha256(bundle);
            Audit one;
            Audit many;
            if (i % 2 == 0) {
                one = audit(bundle, pinnedKey, 1);
                many = audit(bundle, pinnedKey, threads);
            } else {
                many = audit(bundle, pinnedKey, threads);
                one = audit(bundle, pinnedKey, 1);
            }
            requireSameReport(one, many);
            single[i] = one.nanos();
            singleCpu[i] = one.cpuNanos();
            multi[i] = many.nanos();
            multiCpu[i] = many.cpuNanos();
            System.out.printf("round %d: raw SHA-256 %d ms, audit on 1 thread %d ms (CPU %d ms), on %d threads %d ms "
                    + "(CPU %d ms)%n", i + 1, raw[i] / 1_000_000, single[i] / 1_000_000, singleCpu[i] / 1_000_000,
                    threads, multi[i] / 1_000_000, multiCpu[i] / 1_000_000);
        }
        double rawSeconds = median(raw) / 1e9;
        double singleSeconds = median(single) / 1e9;
        double multiSeconds = median(multi) / 1e9;
        System.out.printf("%nmedian of %d rounds, same JVM:%n", rounds);
        print("(1) raw SHA-256 of entries.jsonl, 1 thread", bytes, entries, rawSeconds, Double.NaN);
        print("(2) full JournalAudit, 1 thread", bytes, entries, singleSeconds, median(singleCpu) / 1e9);
        print("(3) full JournalAudit, " + threads + " threads", bytes, entries, multiSeconds, median(multiCpu) / 1e9);
        System.out.printf("ratio (2)/(1): %.1f%% of single-thread raw SHA-256 throughput, the audit on one thread%n",
                100 * rawSeconds / singleSeconds);
        System.out.printf("ratio (3)/(1): %.1f%% of single-thread raw SHA-256 throughput, the audit on %d threads "
                + "(goal >= 50%%)%n", 100 * rawSeconds / multiSeconds, threads);
    }

    private static void print(String what, long bytes, long entries, double seconds, double cpuSeconds) {
        System.out.printf("%-44s %7.3f s  %8.1f MB/s  %,12.0f entries/s%s%n", what, seconds, bytes / seconds / 1e6,
                entries / seconds, Double.isNaN(cpuSeconds) ? "" : String.format("  (CPU %.3f s)", cpuSeconds));
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

    /** One audit: its report, wall-clock and process CPU nanoseconds. */
    private record Audit(AuditReport report, long nanos, long cpuNanos) {
    }

    /** Opening the bundle and the whole audit, as the verifier does with {@code --threads threads}. */
    private static Audit audit(Path bundle, NoteVerifier pinnedKey, int threads) throws IOException {
        OperatingSystemMXBean os = (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        long cpu = os.getProcessCpuTime();
        long start = System.nanoTime();
        AuditReport report;
        try (JournalBundleReader reader = JournalBundleReader.open(bundle)) {
            report = JournalAudit.run(reader.auditSource(), pinnedKey, Optional.empty(), null, threads);
        }
        long elapsed = System.nanoTime() - start;
        long cpuElapsed = os.getProcessCpuTime() - cpu;
        if (!report.ok()) {
            throw new IllegalStateException("the benchmark bundle must verify: " + report.findings());
        }
        return new Audit(report, elapsed, cpuElapsed);
    }

    private static void requireSameReport(Audit single, Audit multi) {
        if (!single.report().checks().equals(multi.report().checks())
                || !single.report().counts().equals(multi.report().counts())
                || !single.report().firstFailure().equals(multi.report().firstFailure())) {
            throw new IllegalStateException("the audits on 1 and on several threads differ");
        }
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
