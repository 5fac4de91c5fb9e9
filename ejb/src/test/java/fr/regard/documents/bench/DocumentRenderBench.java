package fr.regard.documents.bench;

import static org.assertj.core.api.Assertions.assertThat;

import fr.regard.documents.application.DocumentRenderer;
import org.junit.jupiter.api.Test;

/**
 * Render time of a one-page PDF/A-3b letter (the accusé de réception), warm: p50/p95 on one thread and documents/s on
 * the machine's cores (docs/performance.md). Run: {@code ./mvnw -o -Pbench -pl ejb -am test -Dtest=DocumentRenderBench
 * -Dsurefire.failIfNoSpecifiedTests=false}; sizes with -Dbench.warmup, -Dbench.samples, -Dbench.threads.
 */
class DocumentRenderBench {

    @Test
    void onePageLetter() throws Exception {
        int warmUp = Integer.getInteger("bench.warmup", 50);
        int samples = Integer.getInteger("bench.samples", 300);
        int threads = Integer.getInteger("bench.threads", Runtime.getRuntime().availableProcessors());
        DocumentRenderer renderer = RenderTimings.defaultRenderer();

        RenderTimings.Figures render = RenderTimings.measure("render (acknowledgement)", i -> RenderTimings.render(renderer),
                warmUp, samples, threads);

        System.out.println("machine: " + Runtime.getRuntime().availableProcessors() + " cores, Java "
                + System.getProperty("java.version"));
        System.out.println(render);
        assertThat(render.documentsPerSecond()).isPositive();
    }
}
