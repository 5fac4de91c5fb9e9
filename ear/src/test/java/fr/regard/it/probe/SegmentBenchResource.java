package fr.regard.it.probe;

import fr.regard.archive.application.SegmentQueries;
import fr.regard.archive.domain.RecordingArchive;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObjectBuilder;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import javax.sql.DataSource;

/**
 * Benchmark driver inside the server (test-only) for the case-window query on the segment index: random windows of
 * {@code hours} over {@code cameras} random cameras, timed through the application's {@code SegmentQueries} (what the
 * API calls), against two baselines on the same windows in the same run: one bare JDBC statement on the same index
 * ({@code camera_id in (…)}), and the recording archive itself ({@code RecordingArchive.segments}: a walk of the day
 * folders, reading 8 bytes of each segment in the window). Also returns the database's plan of both statements.
 */
@Path("/bench/segments")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class SegmentBenchResource {

    private static final DateTimeFormatter SQL_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")
            .withZone(ZoneOffset.UTC);

    @Inject
    SegmentQueries queries;

    @Inject
    RecordingArchive archive;

    @Resource(lookup = "java:jboss/datasources/RegardDS")
    DataSource dataSource;

    interface Query {
        int run(List<String> cameras, Instant from, Instant to) throws Exception;
    }

    @GET
    public String run(@QueryParam("rounds") int rounds, @QueryParam("warmup") int warmup,
                      @QueryParam("cameras") int cameraCount, @QueryParam("hours") int hours,
                      @QueryParam("seed") long seed, @QueryParam("archive") boolean withArchive) throws Exception {
        List<String> cameras = new ArrayList<>();
        Instant first;
        Instant last;
        long rows;
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            try (ResultSet rs = s.executeQuery("select distinct camera_id from footage_segment order by camera_id")) {
                while (rs.next()) {
                    cameras.add(rs.getString(1));
                }
            }
            try (ResultSet rs = s.executeQuery("select min(start_at), max(end_at), count(*) from footage_segment")) {
                rs.next();
                first = rs.getObject(1, java.time.OffsetDateTime.class).toInstant();
                last = rs.getObject(2, java.time.OffsetDateTime.class).toInstant();
                rows = rs.getLong(3);
            }
        }
        Duration window = Duration.ofHours(hours);
        long span = Duration.between(first, last.minus(window)).getSeconds();
        Random random = new Random(seed);
        List<List<String>> cameraSets = new ArrayList<>();
        List<Instant> starts = new ArrayList<>();
        for (int i = 0; i < warmup + rounds; i++) {
            List<String> set = new ArrayList<>(cameras);
            java.util.Collections.shuffle(set, random);
            cameraSets.add(List.copyOf(set.subList(0, cameraCount)));
            starts.add(first.plusSeconds((long) (random.nextDouble() * span)));
        }
        JsonObjectBuilder result = Json.createObjectBuilder()
                .add("indexedSegments", rows).add("cameras", cameras.size()).add("windowHours", hours)
                .add("camerasPerWindow", cameraCount).add("rounds", rounds)
                .add("index", time(cameraSets, starts, window, warmup, (set, from, to) ->
                        queries.overlapping(set, from, to).segments().size()))
                .add("bareJdbc", time(cameraSets, starts, window, warmup, this::bare));
        if (withArchive) {
            result.add("archiveWalk", time(cameraSets, starts, window, Math.min(warmup, 5), (set, from, to) ->
                    archive.segments(set, from, to).segments().size()));
        }
        Instant from = starts.get(0);
        result.add("planIndex", plan("select id, start_at, end_at from footage_segment where camera_id = '"
                + cameraSets.get(0).get(0) + "' and start_at > " + ts(from.minusSeconds(3601)) + " and start_at < "
                + ts(from.plus(window)) + " and end_at > " + ts(from) + " order by start_at, location"));
        result.add("planBareJdbc", plan("select id, start_at, end_at from footage_segment where camera_id in ('"
                + String.join("','", cameraSets.get(0)) + "') and start_at > " + ts(from.minusSeconds(3601))
                + " and start_at < " + ts(from.plus(window)) + " and end_at > " + ts(from)));
        return result.build().toString();
    }

    private int bare(List<String> set, Instant from, Instant to) throws Exception {
        String marks = String.join(", ", java.util.Collections.nCopies(set.size(), "?"));
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(
                "select id, camera_id, start_at, end_at, size_bytes, sha256, location from footage_segment "
                        + "where camera_id in (" + marks + ") and start_at > ? and start_at < ? and end_at > ?")) {
            int i = 1;
            for (String camera : set) {
                s.setString(i++, camera);
            }
            s.setObject(i++, from.minusSeconds(3601).atOffset(ZoneOffset.UTC));
            s.setObject(i++, to.atOffset(ZoneOffset.UTC));
            s.setObject(i, from.atOffset(ZoneOffset.UTC));
            int n = 0;
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    n++;
                }
            }
            return n;
        }
    }

    private JsonObjectBuilder time(List<List<String>> sets, List<Instant> starts, Duration window, int warmup,
                                   Query query) throws Exception {
        int rounds = sets.size() - warmup;
        long[] nanos = new long[rounds];
        long found = 0;
        for (int i = 0; i < sets.size(); i++) {
            long t0 = System.nanoTime();
            int n = query.run(sets.get(i), starts.get(i), starts.get(i).plus(window));
            long t = System.nanoTime() - t0;
            if (i >= warmup) {
                nanos[i - warmup] = t;
                found += n;
            }
        }
        Arrays.sort(nanos);
        return Json.createObjectBuilder()
                .add("p50Ms", ms(nanos[rounds / 2]))
                .add("p95Ms", ms(nanos[(int) Math.min(rounds - 1, Math.ceil(rounds * 0.95) - 1)]))
                .add("maxMs", ms(nanos[rounds - 1]))
                .add("meanSegments", found / (double) rounds);
    }

    private String plan(String sql) throws Exception {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            boolean postgres = c.getMetaData().getDatabaseProductName().toLowerCase().contains("postgres");
            StringBuilder plan = new StringBuilder();
            try (ResultSet rs = s.executeQuery((postgres ? "explain (analyze, buffers) " : "explain analyze ") + sql)) {
                while (rs.next()) {
                    plan.append(rs.getString(1)).append('\n');
                }
            }
            return plan.toString();
        }
    }

    private static String ts(Instant instant) {
        return "timestamp with time zone '" + SQL_TIME.format(instant) + "+00'";
    }

    private static double ms(long nanos) {
        return Math.round(nanos / 10_000.0) / 100.0;
    }
}
