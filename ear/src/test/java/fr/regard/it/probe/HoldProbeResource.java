package fr.regard.it.probe;

import fr.regard.archive.application.FootageHolds;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import javax.sql.DataSource;

/**
 * Test-only access to holds: the purge's question for one segment (as the purge will ask it), time travel for a
 * hold's limit (its limit moved into the past, as if the months had gone by), and the daily check run now.
 */
@Path("/holds")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class HoldProbeResource {

    @Inject
    FootageHolds holds;

    @Resource(lookup = "java:jboss/datasources/RegardDS")
    DataSource dataSource;

    @GET
    @Path("held")
    public String held(@QueryParam("camera") String camera, @QueryParam("start") String start,
                       @QueryParam("end") String end) {
        return Json.createObjectBuilder().add("held", holds.isHeld(camera, OffsetDateTime.parse(start).toInstant(),
                OffsetDateTime.parse(end).toInstant())).build().toString();
    }

    @POST
    @Path("{placement}/limit-passed")
    public String limitPassed(@PathParam("placement") long placement) throws Exception {
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("update footage_hold set limit_at = ? where placement_id = ?")) {
            s.setTimestamp(1, Timestamp.from(Instant.now().minusSeconds(60)));
            s.setLong(2, placement);
            return Json.createObjectBuilder().add("rows", s.executeUpdate()).build().toString();
        }
    }

    @POST
    @Path("check")
    public String check() {
        return Json.createObjectBuilder().add("flagged", holds.flagPastLimit()).build().toString();
    }
}
