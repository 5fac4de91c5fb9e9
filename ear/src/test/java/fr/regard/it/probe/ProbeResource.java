package fr.regard.it.probe;

import fr.regard.cases.domain.IntakeChannel;
import fr.regard.cases.domain.RequestKind;
import fr.regard.intake.application.IntakeService;
import fr.regard.intake.application.NewRequest;
import fr.regard.intake.application.ReceivedRequest;
import fr.regard.workflow.infrastructure.ProcessEngineBootstrap;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.UserTransaction;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import javax.sql.DataSource;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.history.HistoricProcessInstance;

@Path("/")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class ProbeResource {

    @Inject
    IntakeService intake;

    @Inject
    ProcessEngineBootstrap bootstrap;

    @Resource(lookup = "java:jboss/datasources/RegardDS")
    DataSource dataSource;

    @Resource
    UserTransaction tx;

    @PersistenceContext(unitName = "regard")
    EntityManager em;

    /** Case rows and process instances (running or finished) carrying this reference. */
    @GET
    @Path("counts")
    public String counts(@QueryParam("reference") String reference) throws Exception {
        return Json.createObjectBuilder()
                .add("cases", countCases(reference))
                .add("processInstances", processInstances(reference))
                .add("allCases", countCases(null))
                .add("allProcessInstances", bootstrap.engine().getHistoryService().createHistoricProcessInstanceQuery()
                        .processDefinitionKey("access-request").count())
                .build().toString();
    }

    /** Journal rows about one object: id, seq (null until sequenced), action, actor. */
    @GET
    @Path("journal")
    public String journal(@QueryParam("object") String objectId) throws Exception {
        var rows = Json.createArrayBuilder();
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(
                "select id, seq, action, actor, role, purpose, canonical from journal_entry where object_json like ? order by id")) {
            s.setString(1, "%\"" + objectId + "\"%");
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    var row = Json.createObjectBuilder().add("id", rs.getLong(1)).add("action", rs.getString(3))
                            .add("actor", rs.getString(4)).add("role", rs.getString(5));
                    long seq = rs.getLong(2);
                    if (!rs.wasNull()) {
                        row.add("seq", seq).add("canonical", rs.getString(7));
                    }
                    if (rs.getString(6) != null) {
                        row.add("purpose", rs.getString(6));
                    }
                    rows.add(row);
                }
            }
        }
        return Json.createObjectBuilder().add("entries", rows).build().toString();
    }

    /** Runs one SQL statement against the journal as the application's database account; reports the outcome. */
    @POST
    @Path("sql")
    @jakarta.ws.rs.Consumes(MediaType.TEXT_PLAIN)
    public String sql(String statement) throws Exception {
        try (Connection c = dataSource.getConnection(); var s = c.createStatement()) {
            int count = s.executeUpdate(statement);
            return Json.createObjectBuilder().add("outcome", "executed").add("count", count).build().toString();
        } catch (java.sql.SQLException e) {
            return Json.createObjectBuilder().add("outcome", "refused").add("message", String.valueOf(e.getMessage()))
                    .add("sqlState", String.valueOf(e.getSQLState())).build().toString();
        }
    }

    @GET
    @Path("database")
    public String database() throws Exception {
        try (Connection c = dataSource.getConnection()) {
            return Json.createObjectBuilder().add("product", c.getMetaData().getDatabaseProductName()).build().toString();
        }
    }

    /** Intake inside a transaction that is then committed or rolled back; reports what the transaction saw. */
    @POST
    @Path("intake/{outcome}")
    public String intakeThen(@PathParam("outcome") String outcome) throws Exception {
        tx.begin();
        ReceivedRequest received;
        long casesInside;
        long processesInside;
        try {
            received = intake.receive(sample());
            em.flush(); // JPA writes at commit; flush to see the row through JDBC inside the transaction
            casesInside = countCasesInTx(received.caseView().reference());
            processesInside = processInstances(received.caseView().reference());
            if ("engine-failure".equals(outcome)) {
                // A later engine command fails in the same transaction: Camunda marks it rollback-only.
                deployFailingProcess();
                try {
                    engine().getRuntimeService().startProcessInstanceByKey("it-failing");
                } catch (RuntimeException expected) {
                    // the transaction is now rollback-only
                }
            }
        } catch (Exception e) {
            tx.rollback();
            throw e;
        }
        String result;
        if ("commit".equals(outcome)) {
            tx.commit();
            result = "committed";
        } else if ("engine-failure".equals(outcome)) {
            try {
                tx.commit();
                result = "committed";
            } catch (jakarta.transaction.RollbackException e) {
                result = "rolled-back";
            }
        } else {
            tx.rollback();
            result = "rolled-back";
        }
        return Json.createObjectBuilder()
                .add("reference", received.caseView().reference())
                .add("casesInsideTransaction", casesInside)
                .add("processInstancesInsideTransaction", processesInside)
                .add("outcome", result)
                .build().toString();
    }

    /** Starts a process whose timer is due in {@code seconds}; see {@link #timer(String)} for when it fired. */
    @POST
    @Path("timer/{seconds}")
    public String startTimer(@PathParam("seconds") int seconds) {
        ProcessEngine engine = engine();
        engine.getRepositoryService().createDeployment().name("it-timer").enableDuplicateFiltering(true)
                .addString("it-timer.bpmn", """
                        <?xml version="1.0" encoding="UTF-8"?>
                        <definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL"
                                     xmlns:camunda="http://camunda.org/schema/1.0/bpmn" targetNamespace="it">
                          <process id="it-timer" isExecutable="true" camunda:historyTimeToLive="1">
                            <startEvent id="start"/>
                            <sequenceFlow id="f1" sourceRef="start" targetRef="wait"/>
                            <intermediateCatchEvent id="wait">
                              <timerEventDefinition><timeDate>${due}</timeDate></timerEventDefinition>
                            </intermediateCatchEvent>
                            <sequenceFlow id="f2" sourceRef="wait" targetRef="end"/>
                            <endEvent id="end"/>
                          </process>
                        </definitions>
                        """).deploy();
        Instant due = Instant.now().plus(seconds, ChronoUnit.SECONDS);
        String id = engine.getRuntimeService().startProcessInstanceByKey("it-timer",
                java.util.Map.of("due", java.util.Date.from(due))).getId();
        return Json.createObjectBuilder().add("id", id).add("due", due.toString()).build().toString();
    }

    @GET
    @Path("timer/{id}")
    public String timer(@PathParam("id") String id) {
        HistoricProcessInstance instance = engine().getHistoryService().createHistoricProcessInstanceQuery()
                .processInstanceId(id).singleResult();
        var json = Json.createObjectBuilder().add("id", id);
        if (instance != null && instance.getEndTime() != null) {
            json.add("endedAt", instance.getEndTime().toInstant().toString());
        }
        return json.build().toString();
    }

    private void deployFailingProcess() {
        engine().getRepositoryService().createDeployment().name("it-failing").enableDuplicateFiltering(true)
                .addString("it-failing.bpmn", """
                        <?xml version="1.0" encoding="UTF-8"?>
                        <definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL"
                                     xmlns:camunda="http://camunda.org/schema/1.0/bpmn" targetNamespace="it">
                          <process id="it-failing" isExecutable="true" camunda:historyTimeToLive="1">
                            <startEvent id="start"/>
                            <sequenceFlow id="f1" sourceRef="start" targetRef="boom"/>
                            <serviceTask id="boom" camunda:expression="${noSuchBean.fail()}"/>
                            <sequenceFlow id="f2" sourceRef="boom" targetRef="end"/>
                            <endEvent id="end"/>
                          </process>
                        </definitions>
                        """).deploy();
    }

    private ProcessEngine engine() {
        return bootstrap.engine();
    }

    private long processInstances(String reference) {
        return engine().getHistoryService().createHistoricProcessInstanceQuery()
                .processInstanceBusinessKey(reference).count();
    }

    private long countCases(String reference) throws Exception {
        return countCasesInTx(reference);
    }

    private long countCasesInTx(String reference) throws Exception {
        String sql = reference == null ? "select count(*) from access_case"
                : "select count(*) from access_case where reference = ?";
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            if (reference != null) {
                s.setString(1, reference);
            }
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private static NewRequest sample() {
        Instant end = Instant.now().minus(2, ChronoUnit.DAYS);
        return new NewRequest(RequestKind.ACCESS, IntakeChannel.WEB, "Camille", "Probe", "camille.probe@example.org",
                end.minus(30, ChronoUnit.MINUTES), end, "Place de la République, Lille", "test de transaction", null);
    }
}
