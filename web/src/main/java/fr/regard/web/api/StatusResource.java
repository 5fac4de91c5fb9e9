package fr.regard.web.api;

import fr.regard.platform.application.SystemStatus;
import fr.regard.platform.application.SystemStatusService;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** Readiness for people and load balancers: 200 and UP once the database and the engine answer, else 503. */
@Path("/status")
@RequestScoped
public class StatusResource {

    @Inject
    SystemStatusService status;

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public Response status() {
        SystemStatus s = status.check();
        String body = Json.createObjectBuilder()
                .add("status", s.up() ? "UP" : "DOWN")
                .add("database", s.databaseUp() ? "UP" : "DOWN")
                .add("engine", s.engineUp() ? "UP" : "DOWN")
                .add("schemaVersion", s.schemaVersion())
                .add("processDefinitions", s.processDefinitions())
                .build().toString();
        return Response.status(s.up() ? 200 : 503).type(MediaType.APPLICATION_JSON).entity(body).build();
    }
}
