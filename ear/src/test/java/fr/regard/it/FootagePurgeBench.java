package fr.regard.it;

import static fr.regard.it.BenchSupport.demoCameras;
import static fr.regard.it.BenchSupport.loadAverage;
import static fr.regard.it.BenchSupport.seconds;
import static fr.regard.it.BenchSupport.shell;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Benchmark, not a test (runs only with -Pbench): the daily purge at full scale. One day of footage — 120 cameras ×
 * 1,440 one-minute tiny segments = 172,800 files, 15 days old — is generated into the server's archive root and,
 * identically, into a copy folder; the ingest indexes it (through the API); a copy of the index table is made. Then,
 * in the same run: the purge end to end (POST /api/v1/purges → footage-purge process, its jobs and slices, the
 * crash-safe protocol, the batch closed with its Merkle root and journal event), timed until the batch is COMPLETED;
 * and the baseline on the copies: {@code find <copy> -type f -delete} plus one bulk
 * {@code DELETE FROM <copy table> WHERE end_at < ?}. Needs a fresh database (PostgreSQL) and a dedicated root: see
 * docs/performance.md "Archive: daily purge".
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class FootagePurgeBench {

    private static final String PASSWORD = "it-demo-secret";
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("uuuuMMdd").withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HHmmss").withZone(ZoneOffset.UTC);

    private final StringBuilder report = new StringBuilder();

    @Deployment(testable = false)
    static EnterpriseArchive regard() {
        return RegardDeployment.withProbe();
    }

    @Test
    void dailyPurge() throws Exception {
        Path root = Path.of(System.getProperty("regard.it.archive.root"));
        Path copy = Path.of("target/bench-purge-copy").toAbsolutePath();
        List<String> cameras = demoCameras();
        Instant day = Instant.now().truncatedTo(ChronoUnit.DAYS).minus(Duration.ofDays(15));
        line("machine: " + Runtime.getRuntime().availableProcessors() + " cores, Java "
                + System.getProperty("java.version") + ", database " + Http.get("/" + RegardDeployment.PROBE
                + "/database").json().getString("product") + ", load average " + loadAverage());

        SegmentFiles.deleteTree(copy);
        long t0 = System.nanoTime();
        long written = generate(List.of(root, copy), cameras, day);
        line(String.format("generate: %,d files twice (archive root and copy) in %.1f s", written, seconds(t0)));

        t0 = System.nanoTime();
        JsonObject ingest = longPost("/api/v1/archive/ingest");
        long indexed = ingest.getJsonNumber("indexed").longValue();
        line(String.format("ingest: %,d indexed in %.1f s", indexed, seconds(t0)));
        sql("drop table if exists bench_segment_copy");
        sql("create table bench_segment_copy as select * from footage_segment");
        sql("create index bench_segment_copy_end_idx on bench_segment_copy (end_at)");

        // the purge, end to end
        t0 = System.nanoTime();
        Http.Reply accepted = Http.postAs("/api/v1/purges", "admin", PASSWORD);
        if (accepted.status() != 202) {
            throw new IllegalStateException(accepted.status() + " " + accepted.body());
        }
        long batchId = accepted.json().getJsonNumber("id").longValue();
        JsonObject batch;
        do {
            Thread.sleep(200);
            batch = Http.get("/api/v1/purges/" + batchId, "admin", PASSWORD).json();
        } while (batch.getString("status").equals("RUNNING"));
        double purgeSeconds = seconds(t0);
        long destroyed = batch.getJsonNumber("segments").longValue();
        line(String.format("purge end to end (POST to COMPLETED): %,d segments, %,d bytes in %.1f s = %,.0f segments/s; "
                        + "status %s, Merkle root %s", destroyed, batch.getJsonNumber("bytes").longValue(),
                purgeSeconds, destroyed / purgeSeconds, batch.getString("status"), batch.getString("merkleRoot")));
        line("files left in the purged day: " + shell("find '" + root + "' -type f -name '*.mp4' | wc -l").strip());

        // the baseline on the identical copies
        t0 = System.nanoTime();
        shell("find '" + copy + "' -type f -delete");
        double findSeconds = seconds(t0);
        t0 = System.nanoTime();
        JsonObject deleted = sql("delete from bench_segment_copy where end_at <= '" + day.plus(Duration.ofDays(1))
                + "'");
        double deleteSeconds = seconds(t0);
        line(String.format("baseline find -type f -delete: %.1f s (%,.0f files/s); bulk DELETE of %,d rows: %.2f s; "
                        + "together %.1f s = %,.0f segments/s", findSeconds, written / findSeconds,
                deleted.getJsonNumber("count").longValue(), deleteSeconds, findSeconds + deleteSeconds,
                written / (findSeconds + deleteSeconds)));
        line(String.format("purge / baseline: %.1f x", purgeSeconds / (findSeconds + deleteSeconds)));
        sql("drop table bench_segment_copy");
        line("load average at the end: " + loadAverage());
        Files.writeString(Path.of("target/bench-footage-purge.txt"), report);
    }

    private static long generate(List<Path> roots, List<String> cameras, Instant day) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(2);
        AtomicLong written = new AtomicLong();
        List<Future<?>> tasks = new ArrayList<>();
        for (String camera : cameras) {
            tasks.add(pool.submit(() -> {
                List<Path> folders = new ArrayList<>();
                for (Path root : roots) {
                    SegmentFiles.deleteTree(root.resolve(camera));
                    folders.add(Files.createDirectories(root.resolve(camera).resolve(DAY.format(day))));
                }
                for (int minute = 0; minute < 1440; minute++) {
                    Instant t = day.plusSeconds(60L * minute);
                    byte[] bytes = SegmentFiles.mp4(camera + t);
                    for (Path folder : folders) {
                        Files.write(folder.resolve(TIME.format(t) + "-60.mp4"), bytes);
                    }
                    written.incrementAndGet();
                }
                return null;
            }));
        }
        for (Future<?> task : tasks) {
            task.get();
        }
        pool.shutdown();
        return written.get();
    }

    /** A POST that may take minutes (the ingest of a whole day), over HTTP/1.1 like SegmentIndexBench. */
    private static JsonObject longPost(String path) throws Exception {
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        HttpResponse<String> response = client.send(HttpRequest.newBuilder(URI.create(Http.BASE + path))
                .POST(HttpRequest.BodyPublishers.noBody()).timeout(Duration.ofHours(1))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(("admin:" + PASSWORD)
                        .getBytes(StandardCharsets.UTF_8))).build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException(response.statusCode() + " " + response.body());
        }
        return Json.createReader(new StringReader(response.body())).readObject();
    }

    private static JsonObject sql(String statement) {
        Http.Reply reply = Http.post("/" + RegardDeployment.PROBE + "/sql", "text/plain", statement);
        JsonObject json = reply.json();
        if (!"executed".equals(json.getString("outcome"))) {
            throw new IllegalStateException(statement + ": " + json);
        }
        return json;
    }

    private void line(String text) {
        System.out.println("BENCH footage-purge " + text);
        report.append(text).append('\n');
    }
}
