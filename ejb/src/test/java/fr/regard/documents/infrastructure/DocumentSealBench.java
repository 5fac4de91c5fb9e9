package fr.regard.documents.infrastructure;

import fr.regard.documents.format.SealLevel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntConsumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Benchmark, not a test (runs only with -Pbench): sealing a one-page PDF/A letter (B-LT and B-LTA, demo PKI,
 * in-process TSA) against a bare render of the same letter, in the same run: p50/p95 on one thread, documents/s on
 * two threads. Figures go to docs/performance.md ("Documents: sealing").
 */
class DocumentSealBench {

    private static final int WARMUP = Integer.getInteger("bench.warmup", 40);
    private static final int RUNS = Integer.getInteger("bench.runs", 200);
    private static final int THREADS = 2;

    @TempDir
    Path keys;

    @Test
    void sealVersusRender() throws Exception {
        SealKit kit = new SealKit(keys);
        byte[] letter = SampleLetter.render("LIL-2026-000123");
        PadesSealer lt = kit.sealer(SealLevel.B_LT);
        PadesSealer lta = kit.sealer(SealLevel.B_LTA);
        IntConsumer render = i -> SampleLetter.render("LIL-2026-" + (100_000 + i));
        IntConsumer sealLt = i -> lt.seal(letter);
        IntConsumer sealLta = i -> lta.seal(letter);
        for (int i = 0; i < WARMUP; i++) {
            render.accept(i);
            sealLt.accept(i);
            sealLta.accept(i);
        }
        StringBuilder report = new StringBuilder("machine: ").append(Runtime.getRuntime().availableProcessors())
                .append(" processors, ").append(System.getProperty("java.vm.name")).append(' ')
                .append(System.getProperty("java.version")).append("; letter ").append(letter.length)
                .append(" bytes, sealed LT ").append(lt.seal(letter).pdf().length).append(" bytes, LTA ")
                .append(lta.seal(letter).pdf().length).append(" bytes\n");
        for (String[] name : new String[][] {{"render"}, {"seal B-LT"}, {"seal B-LTA"}}) {
            IntConsumer work = switch (name[0]) {
                case "render" -> render;
                case "seal B-LT" -> sealLt;
                default -> sealLta;
            };
            double[] latencies = latencies(work);
            double rate = throughput(work);
            String line = String.format("%-10s p50 %6.1f ms  p95 %6.1f ms  %6.1f documents/s on %d threads%n",
                    name[0], percentile(latencies, 50), percentile(latencies, 95), rate, THREADS);
            report.append(line);
            System.out.print("BENCH " + line);
        }
        Files.writeString(Path.of("target/bench-document-seal.txt"), report);
    }

    private static double[] latencies(IntConsumer work) {
        double[] millis = new double[RUNS];
        for (int i = 0; i < RUNS; i++) {
            long start = System.nanoTime();
            work.accept(i);
            millis[i] = (System.nanoTime() - start) / 1e6;
        }
        Arrays.sort(millis);
        return millis;
    }

    private static double throughput(IntConsumer work) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        try {
            AtomicInteger next = new AtomicInteger();
            long start = System.nanoTime();
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < THREADS; t++) {
                done.add(pool.submit(() -> {
                    for (int i = next.getAndIncrement(); i < RUNS; i = next.getAndIncrement()) {
                        work.accept(i);
                    }
                }));
            }
            for (Future<?> future : done) {
                future.get();
            }
            return RUNS / ((System.nanoTime() - start) / 1e9);
        } finally {
            pool.shutdown();
        }
    }

    private static double percentile(double[] sorted, int percent) {
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(percent / 100.0 * sorted.length) - 1)];
    }

}
