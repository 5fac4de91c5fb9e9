package fr.regard.web.api;

import fr.regard.cases.application.CaseTasks;
import fr.regard.cases.application.TaskView;
import fr.regard.web.security.StaffRoles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import java.util.Set;

/**
 * The staff's task queue (DPO and CSU operators): their tasks and the open tasks of their group, most urgent first;
 * taking a task; completing it with the JSON payload of that task. Roles are checked by the application on each task
 * (a DPO task only for the DPO, an operator task only for operators, a taken task only by whoever took it).
 */
@Path("/tasks")
@RequestScoped
@RolesAllowed({StaffRoles.DPO, StaffRoles.OPERATOR})
public class TasksResource {

    @Inject
    CaseTasks tasks;

    @Context
    SecurityContext security;

    @GET
    @Produces({MediaType.APPLICATION_JSON, Problems.MEDIA_TYPE})
    public Response queue() {
        JsonArrayBuilder list = Json.createArrayBuilder();
        tasks.queue(user(), roles()).forEach(task -> list.add(Representations.task(task)));
        return Response.ok(Json.createObjectBuilder().add("tasks", list).build().toString(), MediaType.APPLICATION_JSON)
                .build();
    }

    @GET
    @Path("/{id}")
    @Produces({MediaType.APPLICATION_JSON, Problems.MEDIA_TYPE})
    public Response task(@PathParam("id") String id) {
        return ok(tasks.task(id, user(), roles()));
    }

    @POST
    @Path("/{id}/claim")
    @Produces({MediaType.APPLICATION_JSON, Problems.MEDIA_TYPE})
    public Response claim(@PathParam("id") String id) {
        return ok(tasks.claim(id, user(), roles()));
    }

    @POST
    @Path("/{id}/complete")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces({MediaType.APPLICATION_JSON, Problems.MEDIA_TYPE})
    public Response complete(@PathParam("id") String id, String body) {
        TaskView task = tasks.task(id, user(), roles());
        TaskPayloads.Parsed parsed = TaskPayloads.read(task.taskKey(), body);
        ConcurrentUpdates.retry(() -> tasks.complete(id, user(), roles(), parsed.input(), parsed.shapeErrors()));
        return Response.noContent().build();
    }

    private static Response ok(TaskView view) {
        return Response.ok(Representations.task(view).toString(), MediaType.APPLICATION_JSON).build();
    }

    private String user() {
        return security.getUserPrincipal().getName();
    }

    private Set<String> roles() {
        return StaffRoles.rolesOf(security);
    }
}
