package fr.regard.web.api;

import fr.regard.cases.domain.IntakeChannel;
import fr.regard.cases.domain.RequestKind;
import fr.regard.intake.application.FieldViolation;
import fr.regard.intake.application.InvalidRequestException;
import fr.regard.intake.application.NewRequest;
import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.stream.JsonParsingException;
import java.io.StringReader;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Reads the JSON body of {@code POST /api/v1/requests} into a {@link NewRequest}, reporting every field that is
 * missing or of the wrong shape at once. Business rules (end after start, not in the future…) are the
 * intake service's.
 */
final class RequestPayload {

    private final List<FieldViolation> violations = new ArrayList<>();

    private RequestPayload() {
    }

    static NewRequest parse(String body, IntakeChannel channel) {
        return new RequestPayload().read(body, channel);
    }

    private NewRequest read(String body, IntakeChannel channel) {
        JsonObject json = object(body);
        RequestKind kind = kind(json);
        JsonObject requester = child(json, "requester");
        JsonObject facts = child(json, "facts");
        boolean byPost = channel == IntakeChannel.LETTER;
        Instant receivedAt = byPost ? instant(json, null, "receivedAt") : null;
        if (!byPost && (json.containsKey("receivedAt") || json.containsKey("registeredMailNumber"))) {
            violations.add(new FieldViolation(json.containsKey("receivedAt") ? "receivedAt" : "registeredMailNumber",
                    "Réservé à l'enregistrement d'une demande reçue par courrier (POST /api/v1/requests/letters)."));
        }
        NewRequest request = new NewRequest(kind, channel,
                text(requester, "requester", "firstName"),
                text(requester, "requester", "lastName"),
                text(requester, "requester", "email"),
                lines(requester, "requester", "postalAddress"),
                text(requester, "requester", "language"),
                instant(facts, "facts", "start"),
                instant(facts, "facts", "end"),
                text(facts, "facts", "place"),
                text(facts, "facts", "description"),
                receivedAt,
                byPost ? text(json, null, "registeredMailNumber") : null);
        if (!violations.isEmpty()) {
            throw new InvalidRequestException(violations);
        }
        return request;
    }

    private JsonObject object(String body) {
        if (body == null || body.isBlank()) {
            throw invalid("body", "Le corps de la requête est vide : un objet JSON est attendu.");
        }
        try (JsonReader reader = Json.createReader(new StringReader(body))) {
            JsonValue value = reader.readValue();
            if (value.getValueType() != JsonValue.ValueType.OBJECT) {
                throw invalid("body", "Un objet JSON est attendu.");
            }
            return value.asJsonObject();
        } catch (JsonParsingException e) {
            throw invalid("body", "JSON mal formé (ligne " + e.getLocation().getLineNumber()
                    + ", colonne " + e.getLocation().getColumnNumber() + ").");
        } catch (JsonException e) {
            throw invalid("body", "JSON mal formé.");
        }
    }

    private RequestKind kind(JsonObject json) {
        String value = text(json, null, "kind");
        if (value == null) {
            if (json.containsKey("kind") && json.get("kind").getValueType() == JsonValue.ValueType.STRING) {
                return null;
            }
            if (!json.containsKey("kind")) {
                violations.add(new FieldViolation("kind", "Le type de demande est obligatoire."));
            }
            return null;
        }
        try {
            return RequestKind.valueOf(value);
        } catch (IllegalArgumentException e) {
            violations.add(new FieldViolation("kind", "Type de demande inconnu ; valeurs admises : "
                    + Arrays.stream(RequestKind.values()).map(Enum::name).collect(Collectors.joining(", ")) + "."));
            return null;
        }
    }

    private JsonObject child(JsonObject json, String name) {
        JsonValue value = json.get(name);
        if (value == null || value.getValueType() == JsonValue.ValueType.NULL) {
            violations.add(new FieldViolation(name, "Cet objet est obligatoire."));
            return null;
        }
        if (value.getValueType() != JsonValue.ValueType.OBJECT) {
            violations.add(new FieldViolation(name, "Un objet JSON est attendu."));
            return null;
        }
        return value.asJsonObject();
    }

    /** A string member, or null when absent or null; a non-string is a violation. */
    private String text(JsonObject json, String parent, String name) {
        if (json == null) {
            return null;
        }
        JsonValue value = json.get(name);
        if (value == null || value.getValueType() == JsonValue.ValueType.NULL) {
            return null;
        }
        if (value.getValueType() != JsonValue.ValueType.STRING) {
            violations.add(new FieldViolation(path(parent, name), "Une chaîne de caractères est attendue."));
            return null;
        }
        return ((JsonString) value).getString();
    }

    /** An array of strings (address lines), or empty when absent or null. */
    private List<String> lines(JsonObject json, String parent, String name) {
        if (json == null) {
            return List.of();
        }
        JsonValue value = json.get(name);
        if (value == null || value.getValueType() == JsonValue.ValueType.NULL) {
            return List.of();
        }
        if (value.getValueType() != JsonValue.ValueType.ARRAY || !value.asJsonArray().stream()
                .allMatch(v -> v.getValueType() == JsonValue.ValueType.STRING)) {
            violations.add(new FieldViolation(path(parent, name), "Un tableau de lignes (chaînes de caractères) est "
                    + "attendu, par exemple [\"12 rue Nationale\", \"59000 Lille\"]."));
            return List.of();
        }
        return value.asJsonArray().getValuesAs(JsonString.class).stream().map(JsonString::getString).toList();
    }

    private Instant instant(JsonObject json, String parent, String name) {
        String value = text(json, parent, name);
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return OffsetDateTime.parse(value.strip()).toInstant();
        } catch (DateTimeParseException e) {
            violations.add(new FieldViolation(path(parent, name),
                    "Date et heure ISO-8601 avec fuseau attendues, par exemple 2026-11-20T14:30:00+01:00."));
            return null;
        }
    }

    private static String path(String parent, String name) {
        return parent == null ? name : parent + "." + name;
    }

    private static InvalidRequestException invalid(String field, String message) {
        return new InvalidRequestException(List.of(new FieldViolation(field, message)));
    }
}
