package fr.regard.documents.bench;

import fr.regard.documents.application.DocumentRenderer;
import fr.regard.documents.domain.Acknowledgement;
import fr.regard.documents.domain.ControllerIdentity;
import fr.regard.documents.domain.FootageWindow;
import fr.regard.documents.domain.Recipient;
import fr.regard.documents.infrastructure.PdfaDocumentRenderer;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;

/**
 * Reusable measurement for document benchmarks (docs/performance.md "Documents"): the one-page letter they all use (an
 * accusé de réception, a different case reference each time), latency percentiles on one thread and throughput on N
 * threads. The sealing benchmark calls {@link #measure} with "render then seal" beside {@link #render} in the same run.
 */
public final class RenderTimings {

    /** Figures of one operation: milliseconds per document (p50, p95) on one thread, documents per second on N. */
    public record Figures(String name, int samples, double p50Ms, double p95Ms, int threads, double documentsPerSecond) {

        @Override
        public String toString() {
            return String.format(Locale.ROOT, "%-28s p50 %7.1f ms  p95 %7.1f ms  (%d samples, 1 thread)  %6.1f documents/s on %d threads",
                    name, p50Ms, p95Ms, samples, documentsPerSecond, threads);
        }
    }

    private static final AtomicInteger SEQUENCE = new AtomicInteger();

    private RenderTimings() {
    }

    /** The packaged templates, the reference customer's identity, no override folder. */
    public static DocumentRenderer defaultRenderer() {
        return new PdfaDocumentRenderer(ControllerIdentity.lille(), null);
    }

    /** A realistic one-page acknowledgement, with a fresh case reference. */
    public static Acknowledgement letter() {
        int n = SEQUENCE.incrementAndGet();
        return new Acknowledgement(String.format(Locale.ROOT, "REG-2026-%06d", n), Instant.parse("2026-03-04T09:00:00Z"),
                new Recipient("Mme Camille Durand", List.of("12 rue Esquermoise", "59800 Lille"), "camille.durand@example.org"),
                Instant.parse("2026-03-04T08:12:00Z"),
                new FootageWindow("Grand'Place, devant la Vieille Bourse", Instant.parse("2026-03-03T17:30:00Z"),
                        Instant.parse("2026-03-03T18:15:00Z")),
                true, 14, LocalDate.of(2026, 4, 7), "https://regard.lille.fr/suivi/6Jb2kQ9xWm4TzR7pLc3VnH", false);
    }

    /** One bare render of the letter (the baseline of the sealing benchmark). */
    public static byte[] render(DocumentRenderer renderer) {
        return renderer.render(letter(), Locale.FRENCH).pdf();
    }

    /**
     * Runs {@code operation} {@code warmUp} times, then {@code samples} times on one thread (latency), then
     * {@code samples} times spread over {@code threads} threads (throughput). The argument is the iteration number.
     */
    public static Figures measure(String name, IntFunction<byte[]> operation, int warmUp, int samples, int threads)
            throws Exception {
        for (int i = 0; i < warmUp; i++) {
            check(operation.apply(i));
        }
        long[] nanos = new long[samples];
        for (int i = 0; i < samples; i++) {
            long start = System.nanoTime();
            check(operation.apply(i));
            nanos[i] = System.nanoTime() - start;
        }
        Arrays.sort(nanos);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            AtomicInteger next = new AtomicInteger();
            List<Future<?>> running = new ArrayList<>();
            long start = System.nanoTime();
            for (int t = 0; t < threads; t++) {
                running.add(pool.submit(() -> {
                    for (int i = next.getAndIncrement(); i < samples; i = next.getAndIncrement()) {
                        check(operation.apply(i));
                    }
                    return null;
                }));
            }
            for (Future<?> f : running) {
                f.get();
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            return new Figures(name, samples, percentile(nanos, 50), percentile(nanos, 95), threads, samples / seconds);
        } finally {
            pool.shutdownNow();
        }
    }

    private static double percentile(long[] sorted, int p) {
        int index = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, index)] / 1e6;
    }

    private static void check(byte[] pdf) {
        if (pdf.length < 1000 || pdf[0] != '%' || pdf[1] != 'P') {
            throw new IllegalStateException("Not a PDF");
        }
    }

}
