package fr.regard.web.api;

import fr.regard.cases.domain.RuleViolation;
import fr.regard.intake.application.FieldViolation;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.ws.rs.core.Response;
import java.util.List;

/**
 * RFC 9457 problem details ({@code application/problem+json}). Titles and details are in French: they reach
 * citizens' screens. Bad fields are listed in the {@code errors} extension member as {@code {field, message}}.
 */
public final class Problems {

    public static final String MEDIA_TYPE = "application/problem+json";
    private static final String TYPE_BASE = "https://regard.example/problems/";

    private Problems() {
    }

    public static Response invalidRequest(List<FieldViolation> violations) {
        JsonArrayBuilder errors = Json.createArrayBuilder();
        violations.forEach(v -> errors.add(Json.createObjectBuilder().add("field", v.field()).add("message", v.message())));
        JsonObject body = base("invalid-request", "Demande invalide", 400,
                "La demande n'a pas été enregistrée : corrigez les champs indiqués.")
                .add("errors", errors).build();
        return Response.status(400).type(MEDIA_TYPE).entity(body.toString()).build();
    }

    /** A staff or requester input refused field by field; nothing was changed. */
    public static Response invalidInput(List<RuleViolation> violations) {
        JsonArrayBuilder errors = Json.createArrayBuilder();
        violations.forEach(v -> errors.add(Json.createObjectBuilder().add("field", v.field()).add("message", v.message())));
        JsonObject body = base("invalid-input", "Saisie invalide", 400,
                "Rien n'a été enregistré : corrigez les champs indiqués.")
                .add("errors", errors).build();
        return Response.status(400).type(MEDIA_TYPE).entity(body.toString()).build();
    }

    /** A well-formed request the server will not carry out as asked (422), naming the field; nothing was written. */
    public static Response unprocessable(String type, String title, String field, String message) {
        JsonObject body = base(type, title, 422, message)
                .add("errors", Json.createArrayBuilder().add(Json.createObjectBuilder().add("field", field)
                        .add("message", message))).build();
        return Response.status(422).type(MEDIA_TYPE).entity(body.toString()).build();
    }

    public static Response of(int status, String type, String title, String detail) {
        return Response.status(status).type(MEDIA_TYPE).entity(base(type, title, status, detail).build().toString()).build();
    }

    private static JsonObjectBuilder base(String type, String title, int status, String detail) {
        return Json.createObjectBuilder()
                .add("type", TYPE_BASE + type)
                .add("title", title)
                .add("status", status)
                .add("detail", detail);
    }
}
