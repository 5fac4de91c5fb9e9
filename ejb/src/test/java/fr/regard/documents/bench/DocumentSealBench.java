package fr.regard.documents.bench;

import static org.assertj.core.api.Assertions.assertThat;

import fr.regard.documents.application.DocumentRenderer;
import fr.regard.documents.format.SealLevel;
import fr.regard.documents.infrastructure.PadesSealer;
import fr.regard.documents.infrastructure.SealKit;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Benchmark, not a test (runs only with -Pbench): the seal of the one-page PDF/A letter (demo PKI, in-process TSA,
 * B-LT and the default B-LTA) against a bare render of the same letter, in the same run, with {@link RenderTimings}:
 * p50/p95 on one thread and documents/s on two threads. Goal (issue 6): sealing costs at most one render. Run:
 * {@code ./mvnw -o -Pbench -pl ejb -am test -Dtest=DocumentSealBench -Dsurefire.failIfNoSpecifiedTests=false};
 * figures in docs/performance.md ("Documents: sealing") and target/bench-document-seal.txt.
 */
class DocumentSealBench {

    @TempDir
    Path keys;

    @Test
    void sealVersusRender() throws Exception {
        int warmUp = Integer.getInteger("bench.warmup", 40);
        int samples = Integer.getInteger("bench.samples", 200);
        int threads = Integer.getInteger("bench.threads", 2);
        DocumentRenderer renderer = RenderTimings.defaultRenderer();
        SealKit kit = new SealKit(keys);
        PadesSealer lt = kit.sealer(SealLevel.B_LT);
        PadesSealer lta = kit.sealer(SealLevel.B_LTA);
        byte[] letter = RenderTimings.render(renderer);

        RenderTimings.Figures render = RenderTimings.measure("render (acknowledgement)", i -> RenderTimings.render(renderer),
                warmUp, samples, threads);
        RenderTimings.Figures sealLt = RenderTimings.measure("seal B-LT", i -> lt.seal(letter).pdf(), warmUp, samples, threads);
        RenderTimings.Figures sealLta = RenderTimings.measure("seal B-LTA (default)", i -> lta.seal(letter).pdf(),
                warmUp, samples, threads);
        RenderTimings.Figures both = RenderTimings.measure("render + seal B-LTA", i -> lta.seal(RenderTimings.render(renderer)).pdf(),
                warmUp, samples, threads);

        StringBuilder report = new StringBuilder(String.format(Locale.ROOT, "machine: %d cores, Java %s; letter %d bytes, "
                        + "sealed B-LT %d bytes, B-LTA %d bytes%n", Runtime.getRuntime().availableProcessors(),
                System.getProperty("java.version"), letter.length, lt.seal(letter).pdf().length, lta.seal(letter).pdf().length));
        for (RenderTimings.Figures figures : List.of(render, sealLt, sealLta, both)) {
            report.append(figures).append('\n');
        }
        report.append(String.format(Locale.ROOT, "seal / render: B-LT p50 %.2f, B-LTA p50 %.2f; documents/s B-LTA %.2f x render%n",
                sealLt.p50Ms() / render.p50Ms(), sealLta.p50Ms() / render.p50Ms(),
                sealLta.documentsPerSecond() / render.documentsPerSecond()));
        System.out.print(report);
        Files.writeString(Path.of("target/bench-document-seal.txt"), report);
        assertThat(sealLta.documentsPerSecond()).isPositive();
    }
}
