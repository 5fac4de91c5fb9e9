package fr.regard.it.probe;

import fr.regard.journal.domain.Journal;
import fr.regard.journal.domain.JournalEvent;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.transaction.UserTransaction;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.Future;
import javax.sql.DataSource;

/**
 * Benchmark driver inside the server (test-only): journal appends through the real {@code Journal} bean, one
 * transaction per event, against a baseline of the same number of single-row JDBC inserts of the same shape,
 * one transaction each, with the same concurrency, in the same run.
 */
@Path("/bench")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class BenchResource {

    @Inject
    Journal journal;

    @Resource
    UserTransaction tx;

    @Resource(lookup = "java:jboss/datasources/RegardDS")
    DataSource dataSource;

    @Resource(lookup = "java:jboss/ee/concurrency/executor/default")
    ManagedExecutorService executor;

    @POST
    @Path("journal")
    public String journal(@QueryParam("events") int events, @QueryParam("threads") int threads) throws Exception {
        long firstSequenced = sequencedCount();
        double baseline = run(events, threads, i -> {
            try (Connection c = dataSource.getConnection(); PreparedStatement insert = c.prepareStatement(
                    "insert into regard_bench_baseline (id, recorded_at, actor, role, action, object_json, purpose) "
                            + "values (?, current_timestamp, 'operator', 'operator', 'FOOTAGE_VIEWED', ?, ?)")) {
                insert.setLong(1, i);
                insert.setString(2, "{\"id\":\"DA-2026-" + i + "\",\"type\":\"case\"}");
                insert.setString(3, "Recherche des images demandées");
                insert.executeUpdate();
            }
        }, true);
        long started = System.nanoTime();
        double journalRate = run(events, threads, i -> journal.record(JournalEvent.onCase("operator", "operator",
                "FOOTAGE_VIEWED", "DA-2026-" + i).withPurpose("Recherche des images demandées")), false);
        long target = firstSequenced + events;
        while (sequencedCount() < target) {
            Thread.sleep(20);
        }
        double integrated = events / ((System.nanoTime() - started) / 1e9);
        return Json.createObjectBuilder()
                .add("events", events).add("threads", threads)
                .add("journalAppendsPerSecond", Math.round(journalRate))
                .add("baselineInsertsPerSecond", Math.round(baseline))
                .add("ratio", Math.round(journalRate / baseline * 100) / 100.0)
                .add("appendedAndSequencedPerSecond", Math.round(integrated))
                .build().toString();
    }

    interface Work {
        void run(int i) throws Exception;
    }

    private double run(int events, int threads, Work work, boolean baseline) throws Exception {
        if (baseline) {
            try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
                s.executeUpdate("drop table if exists regard_bench_baseline");
                s.executeUpdate("create table regard_bench_baseline (id bigint primary key, recorded_at timestamp with time zone, "
                        + "actor varchar(100), role varchar(40), action varchar(60), object_json varchar(2000), purpose varchar(500))");
            }
        }
        List<Callable<Void>> tasks = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            int first = t;
            tasks.add(() -> {
                for (int i = first; i < events; i += threads) {
                    tx.begin();
                    try {
                        work.run(i);
                        tx.commit();
                    } catch (Exception e) {
                        tx.rollback();
                        throw e;
                    }
                }
                return null;
            });
        }
        long start = System.nanoTime();
        for (Future<Void> done : executor.invokeAll(tasks)) {
            done.get();
        }
        return events / ((System.nanoTime() - start) / 1e9);
    }

    private long sequencedCount() throws Exception {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("select tree_size from journal_state where id = 1")) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
