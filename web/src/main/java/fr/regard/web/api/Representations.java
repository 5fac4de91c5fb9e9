package fr.regard.web.api;

import fr.regard.cases.application.CaseView;
import fr.regard.cases.application.TrackingView;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/** JSON shapes of the API. Times are ISO-8601 with the Europe/Paris offset of that date. */
final class Representations {

    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");

    private Representations() {
    }

    static JsonObject tracking(TrackingView view, String trackingToken) {
        JsonObjectBuilder json = Json.createObjectBuilder()
                .add("reference", view.reference())
                .add("kind", view.kind())
                .add("kindLabel", view.kindLabel())
                .add("status", view.status())
                .add("statusLabel", view.statusLabel())
                .add("receivedAt", time(view.receivedAt()))
                .add("deadlines", deadlines(view.charterWindowEnd(), view.preservationDeadline(), view.responseDue()));
        if (trackingToken != null) {
            json.add("trackingToken", trackingToken);
            json.add("trackingUrl", "/api/v1/tracking/" + trackingToken);
        }
        return json.build();
    }

    static JsonObject staff(CaseView view) {
        JsonObjectBuilder requester = Json.createObjectBuilder()
                .add("firstName", view.requesterFirstName())
                .add("lastName", view.requesterLastName());
        if (view.requesterEmail() != null) {
            requester.add("email", view.requesterEmail());
        }
        JsonObjectBuilder facts = Json.createObjectBuilder()
                .add("start", time(view.factsStart()))
                .add("end", time(view.factsEnd()))
                .add("place", view.factsPlace());
        if (view.factsDescription() != null) {
            facts.add("description", view.factsDescription());
        }
        JsonObjectBuilder json = Json.createObjectBuilder()
                .add("reference", view.reference())
                .add("kind", view.kind())
                .add("kindLabel", view.kindLabel())
                .add("channel", view.channel())
                .add("status", view.status())
                .add("statusLabel", view.statusLabel())
                .add("receivedAt", time(view.receivedAt()))
                .add("requester", requester)
                .add("facts", facts)
                .add("deadlines", deadlines(view.charterWindowEnd(), view.preservationDeadline(), view.responseDue()));
        if (view.processInstanceId() != null) {
            json.add("processInstanceId", view.processInstanceId());
        }
        return json.build();
    }

    private static JsonObject deadlines(Instant charterWindowEnd, Instant preservationDeadline, Instant responseDue) {
        return Json.createObjectBuilder()
                .add("charterWindowEnd", time(charterWindowEnd))
                .add("preservationDeadline", time(preservationDeadline))
                .add("responseDue", time(responseDue))
                .build();
    }

    static String time(Instant instant) {
        return DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(instant.atZone(PARIS).toOffsetDateTime());
    }
}
