package fr.regard.it;

import jakarta.json.JsonObject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Benchmark, not a test (runs only with -Pbench): journal append rate on the configured database vs. plain
 * single-row inserts of the same shape, same concurrency, same run. Figures go to docs/performance.md.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class JournalAppendBench {

    @Deployment(testable = false)
    static EnterpriseArchive regard() {
        return RegardDeployment.withProbe();
    }

    @Test
    void appendRate() throws IOException {
        int events = Integer.getInteger("bench.events", 20_000);
        StringBuilder report = new StringBuilder();
        for (int threads : new int[] {1, 4, 8}) {
            Http.post("/" + RegardDeployment.PROBE + "/bench/journal?events=2000&threads=" + threads, "text/plain", "");
            JsonObject result = Http.post("/" + RegardDeployment.PROBE + "/bench/journal?events=" + events
                    + "&threads=" + threads, "text/plain", "").json();
            report.append(result).append('\n');
            System.out.println("BENCH journal " + result);
        }
        Files.writeString(Path.of("target/bench-journal-append.txt"), report);
    }
}
