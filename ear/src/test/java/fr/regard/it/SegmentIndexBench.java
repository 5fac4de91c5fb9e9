package fr.regard.it;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Random;
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
 * Benchmark, not a test (runs only with -Pbench): the segment index at full scale. Generates (plain Java, outside the
 * server) 120 cameras × 1,440 one-minute segments × 14 days = 2,419,200 tiny segment files into the server's archive
 * root, times two baselines on them (`find | wc -l`; walk + SHA-256 of every file, single thread), then the ingest
 * through the API (segments/s), its rerun at full scale, and the case-window query (3 cameras × 2 h) inside the server
 * and over HTTP. Needs a fresh database and a dedicated root: see docs/performance.md.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class SegmentIndexBench {

    private static final String ADMIN = "admin:it-demo-secret";
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("uuuuMMdd").withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HHmmss").withZone(ZoneOffset.UTC);
    // HTTP/1.1: a long POST over an upgraded HTTP/2 connection is cut by the server (GOAWAY)
    private static final HttpClient CLIENT = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    private final StringBuilder report = new StringBuilder();

    @Deployment(testable = false)
    static EnterpriseArchive regard() {
        return RegardDeployment.withProbe();
    }

    @Test
    void segmentIndex() throws Exception {
        Path root = Path.of(System.getProperty("regard.it.archive.root"));
        int days = Integer.getInteger("bench.days", 14);
        List<String> cameras = demoCameras();
        long expected = (long) cameras.size() * 1440 * days;
        Path done = root.resolve(".bench-generated-" + expected);
        Instant end = Instant.now().truncatedTo(ChronoUnit.MINUTES).minus(Duration.ofMinutes(5));
        if (Files.exists(done)) { // files of a previous run: their span
            end = Instant.parse(Files.readString(done).strip().split(" ")[1]);
        }
        Instant start = end.minus(Duration.ofDays(days));

        line("machine: " + Runtime.getRuntime().availableProcessors() + " cores, Java " + System.getProperty("java.version")
                + ", root " + root + ", load average " + Files.readString(Path.of("/proc/loadavg")).strip());
        if (Boolean.getBoolean("bench.query-only")) { // the index of a previous run (same database and data folder)
            queries(cameras, start, end);
            return;
        }
        if (!Files.exists(done)) {
            long t0 = System.nanoTime();
            long written = generate(root, cameras, start, end);
            double s = seconds(t0);
            line(String.format("generate: %,d files in %.1f s (%,.0f files/s, 2 threads)", written, s, written / s));
            Files.writeString(done, start + " " + end);
        } else {
            line("generate: reused " + done + " (" + Files.readString(done) + ")");
        }

        long t0 = System.nanoTime();
        String found = shell("find '" + root + "' -type f -name '*.mp4' | wc -l").strip();
        double findSeconds = seconds(t0);
        line(String.format("baseline find | wc -l: %s files in %.1f s (%,.0f files/s)", found, findSeconds,
                Long.parseLong(found) / findSeconds));

        t0 = System.nanoTime();
        long[] hashed = walkAndHash(root);
        double hashSeconds = seconds(t0);
        line(String.format("baseline walk + SHA-256 (Java, 1 thread): %,d files, %,d bytes in %.1f s (%,.0f files/s)",
                hashed[0], hashed[1], hashSeconds, hashed[0] / hashSeconds));

        t0 = System.nanoTime();
        shell("cd '" + root + "' && find . -type f -name '*.mp4' -print0 | xargs -0 -n 2000 sha256sum > /dev/null");
        double sumSeconds = seconds(t0);
        line(String.format("baseline find | xargs sha256sum: %.1f s (%,.0f files/s)", sumSeconds,
                Long.parseLong(found) / sumSeconds));

        t0 = System.nanoTime();
        JsonObject ingest = post("/api/v1/archive/ingest", ADMIN);
        double ingestSeconds = seconds(t0);
        line(String.format("ingest (first run, empty index): %,d indexed in %.1f s = %,.0f segments/s; %s",
                ingest.getJsonNumber("indexed").longValue(), ingestSeconds,
                ingest.getJsonNumber("indexed").longValue() / ingestSeconds, ingest));

        t0 = System.nanoTime();
        JsonObject rerun = post("/api/v1/archive/ingest", ADMIN);
        line(String.format("ingest rerun at full index (nothing new): %.2f s; %s", seconds(t0), rerun));

        queries(cameras, start, end);
    }

    private void queries(List<String> cameras, Instant start, Instant end) throws Exception {
        JsonObject query = get("/" + RegardDeployment.PROBE
                + "/bench/segments?rounds=1000&warmup=100&cameras=3&hours=2&seed=42&archive=true", null);
        line("case window, in the server (3 cameras x 2 h, 1000 random windows): " + query);

        line("case window over HTTP (3 GET /cameras/{id}/segments per window, 300 windows): " + overHttp(cameras, start,
                end, 300, Duration.ofHours(2)));
        line("baseline over HTTP, same 3 calls with an empty window (auth, camera check, JSON; no segment read): "
                + overHttp(cameras, start, end, 300, Duration.ZERO));
        line("load average at the end: " + Files.readString(Path.of("/proc/loadavg")).strip());
        Files.writeString(Path.of("target/bench-segment-index.txt"), report);
    }

    private String overHttp(List<String> cameras, Instant first, Instant last, int rounds, Duration window)
            throws Exception {
        Random random = new Random(7);
        long span = Duration.between(first, last.minus(Duration.ofHours(2))).getSeconds();
        long[] nanos = new long[rounds];
        for (int i = -30; i < rounds; i++) {
            Instant from = first.plusSeconds((long) (random.nextDouble() * span));
            long t0 = System.nanoTime();
            for (int c = 0; c < 3; c++) {
                String camera = cameras.get(random.nextInt(cameras.size()));
                get("/api/v1/cameras/" + camera + "/segments?from=" + from + "&to=" + from.plus(window),
                        "auditor:it-demo-secret");
            }
            if (i >= 0) {
                nanos[i] = System.nanoTime() - t0;
            }
        }
        Arrays.sort(nanos);
        return String.format("p50 %.2f ms, p95 %.2f ms, max %.2f ms", nanos[rounds / 2] / 1e6,
                nanos[(int) Math.ceil(rounds * 0.95) - 1] / 1e6, nanos[rounds - 1] / 1e6);
    }

    private static long generate(Path root, List<String> cameras, Instant start, Instant end) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(2);
        AtomicLong written = new AtomicLong();
        List<Future<?>> tasks = new ArrayList<>();
        for (String camera : cameras) {
            tasks.add(pool.submit(() -> {
                Path day = null;
                String dayName = "";
                for (Instant t = start; t.isBefore(end); t = t.plusSeconds(60)) {
                    String name = DAY.format(t);
                    if (!name.equals(dayName)) {
                        dayName = name;
                        day = Files.createDirectories(root.resolve(camera).resolve(name));
                    }
                    Files.write(day.resolve(TIME.format(t) + "-60.mp4"), SegmentFiles.mp4(camera + t));
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

    private static long[] walkAndHash(Path root) throws Exception {
        MessageDigest digest = MessageDigest.getInstance("SHA-256");
        byte[] buffer = new byte[64 * 1024];
        long[] counts = new long[2];
        Files.walkFileTree(root, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                if (file.getFileName().toString().endsWith(".mp4")) {
                    digest.reset();
                    try (InputStream in = Files.newInputStream(file)) {
                        int n;
                        while ((n = in.read(buffer)) > 0) {
                            digest.update(buffer, 0, n);
                            counts[1] += n;
                        }
                    }
                    digest.digest();
                    counts[0]++;
                }
                return FileVisitResult.CONTINUE;
            }
        });
        return counts;
    }

    private static List<String> demoCameras() throws IOException {
        return Files.readAllLines(Path.of("../ejb/src/main/resources/demo/cameras.csv")).stream().skip(1)
                .map(l -> l.substring(0, l.indexOf(';'))).toList();
    }

    private static String shell(String command) throws Exception {
        Process p = new ProcessBuilder("sh", "-c", command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (p.waitFor() != 0) {
            throw new IllegalStateException(command + " failed: " + out);
        }
        return out;
    }

    private static JsonObject post(String path, String credentials) throws Exception {
        return send(HttpRequest.newBuilder(URI.create(Http.BASE + path)).POST(HttpRequest.BodyPublishers.noBody()),
                credentials);
    }

    private static JsonObject get(String path, String credentials) throws Exception {
        return send(HttpRequest.newBuilder(URI.create(Http.BASE + path)).GET(), credentials);
    }

    private static JsonObject send(HttpRequest.Builder request, String credentials) throws Exception {
        if (credentials != null) {
            request.header("Authorization", "Basic " + Base64.getEncoder()
                    .encodeToString(credentials.getBytes(StandardCharsets.UTF_8)));
        }
        HttpResponse<String> response = CLIENT.send(request.timeout(Duration.ofHours(3)).build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException(response.statusCode() + " " + response.body());
        }
        return Json.createReader(new StringReader(response.body())).readObject();
    }

    private static double seconds(long t0) {
        return (System.nanoTime() - t0) / 1e9;
    }

    private void line(String text) {
        System.out.println("BENCH segment-index " + text);
        report.append(text).append('\n');
    }
}
