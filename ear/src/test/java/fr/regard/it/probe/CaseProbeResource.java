package fr.regard.it.probe;

import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import fr.regard.cases.application.PersonalDataPurges;
import fr.regard.cases.domain.IntakeChannel;
import fr.regard.cases.domain.RequestKind;
import fr.regard.intake.application.IntakeService;
import fr.regard.intake.application.NewRequest;
import fr.regard.intake.application.ReceivedRequest;
import fr.regard.workflow.infrastructure.ProcessEngineBootstrap;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.List;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;

/**
 * Test-only time travel and inspection for the case lifecycle: file a postal request received days ago, fire a
 * case's timer now (as if its date had come), and read the process's position, variables and timers.
 */
@Path("/cases")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class CaseProbeResource {

    @Inject
    IntakeService intake;

    @PersistenceContext(unitName = "regard")
    EntityManager em;

    @Inject
    ProcessEngineBootstrap bootstrap;

    @Inject
    PersonalDataPurges purges;

    /** Runs the purge of early-ended cases as if it were {@code asOf} (the scheduler runs it with the real time). */
    @POST
    @Path("purge")
    public String purge(@QueryParam("asOf") String asOf) {
        return Json.createObjectBuilder().add("purged", purges.purgeEndedEarlyDueBy(Instant.parse(asOf)))
                .build().toString();
    }

    /**
     * A registered letter whose avis de réception is {@code receivedDaysAgo} days old (the legal receipt).
     * {@code withoutAddress}: the case then loses its addresses in the intake transaction, before any letter — the
     * state of a case whose data cannot support a letter (the intake itself refuses a letter without an address).
     */
    @POST
    @Path("letter")
    @Transactional
    public String letter(@QueryParam("kind") String kind, @QueryParam("receivedDaysAgo") int receivedDaysAgo,
                         @QueryParam("withoutAddress") boolean withoutAddress) {
        Instant received = Instant.now().minus(receivedDaysAgo, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);
        Instant factsEnd = received.minus(2, ChronoUnit.DAYS);
        ReceivedRequest filed = intake.receive(new NewRequest(RequestKind.valueOf(kind), IntakeChannel.LETTER,
                "Dominique", "Courrier", null, List.of("12 rue Nationale", "59000 Lille"), "fr",
                factsEnd.minus(20, ChronoUnit.MINUTES), factsEnd, "Place du Général de Gaulle, Lille",
                "demande reçue par courrier recommandé", received, "1A 123 456 7890 1"));
        if (withoutAddress) {
            em.flush();
            em.createNativeQuery("update access_case set requester_email = null, requester_postal_address = null "
                    + "where reference = ?1").setParameter(1, filed.caseView().reference()).executeUpdate();
        }
        return Json.createObjectBuilder()
                .add("reference", filed.caseView().reference())
                .add("trackingToken", filed.trackingToken())
                .add("receivedAt", received.toString())
                .build().toString();
    }

    /**
     * A request read from an e-mail, as the mail reader files it: no facts window (only the text), so the case opens
     * on provisional facts for the DPO to confirm.
     */
    @POST
    @Path("email")
    public String email() {
        ReceivedRequest filed = intake.receive(new NewRequest(RequestKind.ACCESS, IntakeChannel.EMAIL, "Camille",
                "Courriel", "camille.courriel@example.org", List.of(), "fr", null, null, null,
                "Bonjour, j'ai été filmée le 3 mars vers 14h30 rue Nationale.", null, null));
        return Json.createObjectBuilder()
                .add("reference", filed.caseView().reference())
                .add("trackingToken", filed.trackingToken())
                .build().toString();
    }

    /** Fires the case's timers waiting in {@code activity} now, as if their date had come. */
    @POST
    @Path("{reference}/timers/{activity}/fire")
    public String fire(@PathParam("reference") String reference, @PathParam("activity") String activity) {
        ManagementService management = engine().getManagementService();
        int fired = 0;
        for (Job job : timers(reference)) {
            if (activity.equals(activityOf(job))) {
                management.executeJob(job.getId());
                fired++;
            }
        }
        return Json.createObjectBuilder().add("fired", fired).build().toString();
    }

    /** Whether the process runs, its active activities, date variables and timers (activity → due date). */
    @GET
    @Path("{reference}/process")
    public String process(@PathParam("reference") String reference) {
        ProcessInstance instance = engine().getRuntimeService().createProcessInstanceQuery()
                .processInstanceBusinessKey(reference).singleResult();
        JsonObjectBuilder json = Json.createObjectBuilder().add("running", instance != null);
        if (instance == null) {
            return json.build().toString();
        }
        JsonArrayBuilder activities = Json.createArrayBuilder();
        engine().getRuntimeService().getActiveActivityIds(instance.getId()).stream().sorted().forEach(activities::add);
        JsonObjectBuilder variables = Json.createObjectBuilder();
        engine().getRuntimeService().getVariables(instance.getId()).forEach((name, value) -> {
            if (value instanceof Date date) {
                variables.add(name, date.toInstant().toString());
            } else if (value != null) {
                variables.add(name, String.valueOf(value));
            }
        });
        JsonObjectBuilder timers = Json.createObjectBuilder();
        for (Job job : timers(reference)) {
            timers.add(activityOf(job), job.getDuedate().toInstant().toString());
        }
        return json.add("activities", activities).add("variables", variables).add("timers", timers)
                .build().toString();
    }

    private List<Job> timers(String reference) {
        ProcessInstance instance = engine().getRuntimeService().createProcessInstanceQuery()
                .processInstanceBusinessKey(reference).singleResult();
        if (instance == null) {
            return List.of();
        }
        return engine().getManagementService().createJobQuery().processInstanceId(instance.getId()).timers().list();
    }

    private String activityOf(Job job) {
        return engine().getManagementService().createJobDefinitionQuery().jobDefinitionId(job.getJobDefinitionId())
                .singleResult().getActivityId();
    }

    private ProcessEngine engine() {
        return bootstrap.engine();
    }
}
