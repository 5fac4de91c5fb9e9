package fr.regard.web.api;

import fr.regard.cases.application.InvalidCommandException;
import fr.regard.cases.domain.RuleViolation;
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
import java.util.List;

/**
 * Reads the members of a JSON object body, collecting every member of the wrong shape (with its path, e.g.
 * {@code viewing.at}) instead of stopping at the first; {@link #done()} throws them all at once. Missing members read
 * as null: whether they are required is the application's rule.
 */
final class JsonInput {

    private final JsonObject json;
    private final String prefix;
    private final List<RuleViolation> violations;

    private JsonInput(JsonObject json, String prefix, List<RuleViolation> violations) {
        this.json = json;
        this.prefix = prefix;
        this.violations = violations;
    }

    /** An empty body reads as an empty object (for actions without data). */
    static JsonInput parse(String body) {
        if (body == null || body.isBlank()) {
            return new JsonInput(JsonValue.EMPTY_JSON_OBJECT, "", new ArrayList<>());
        }
        try (JsonReader reader = Json.createReader(new StringReader(body))) {
            JsonValue value = reader.readValue();
            if (value.getValueType() != JsonValue.ValueType.OBJECT) {
                throw InvalidCommandException.of("body", "Un objet JSON est attendu.");
            }
            return new JsonInput(value.asJsonObject(), "", new ArrayList<>());
        } catch (JsonParsingException e) {
            throw InvalidCommandException.of("body", "JSON mal formé (ligne " + e.getLocation().getLineNumber()
                    + ", colonne " + e.getLocation().getColumnNumber() + ").");
        } catch (JsonException e) {
            throw InvalidCommandException.of("body", "JSON mal formé.");
        }
    }

    /** A nested object (absent: an empty one). */
    JsonInput object(String name) {
        JsonValue value = member(name);
        if (value == null) {
            return new JsonInput(JsonValue.EMPTY_JSON_OBJECT, path(name) + ".", violations);
        }
        if (value.getValueType() != JsonValue.ValueType.OBJECT) {
            violations.add(new RuleViolation(path(name), "Un objet JSON est attendu."));
            return new JsonInput(JsonValue.EMPTY_JSON_OBJECT, path(name) + ".", violations);
        }
        return new JsonInput(value.asJsonObject(), path(name) + ".", violations);
    }

    String text(String name) {
        JsonValue value = member(name);
        if (value == null) {
            return null;
        }
        if (value.getValueType() != JsonValue.ValueType.STRING) {
            violations.add(new RuleViolation(path(name), "Une chaîne de caractères est attendue."));
            return null;
        }
        return ((JsonString) value).getString();
    }

    Boolean bool(String name) {
        JsonValue value = member(name);
        if (value == null) {
            return null;
        }
        if (value == JsonValue.TRUE) {
            return Boolean.TRUE;
        }
        if (value == JsonValue.FALSE) {
            return Boolean.FALSE;
        }
        violations.add(new RuleViolation(path(name), "true ou false est attendu."));
        return null;
    }

    Instant instant(String name) {
        String value = text(name);
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return OffsetDateTime.parse(value.strip()).toInstant();
        } catch (DateTimeParseException e) {
            violations.add(new RuleViolation(path(name),
                    "Date et heure ISO-8601 avec fuseau attendues, par exemple 2026-11-20T14:30:00+01:00."));
            return null;
        }
    }

    List<String> texts(String name) {
        JsonValue value = member(name);
        if (value == null) {
            return null;
        }
        if (value.getValueType() != JsonValue.ValueType.ARRAY) {
            violations.add(new RuleViolation(path(name), "Une liste de chaînes de caractères est attendue."));
            return null;
        }
        List<String> texts = new ArrayList<>();
        for (JsonValue item : value.asJsonArray()) {
            if (item.getValueType() != JsonValue.ValueType.STRING) {
                violations.add(new RuleViolation(path(name), "Une liste de chaînes de caractères est attendue."));
                return null;
            }
            texts.add(((JsonString) item).getString());
        }
        return texts;
    }

    Double number(String name) {
        JsonValue value = member(name);
        if (value == null) {
            return null;
        }
        if (value.getValueType() != JsonValue.ValueType.NUMBER) {
            violations.add(new RuleViolation(path(name), "Un nombre est attendu."));
            return null;
        }
        return ((jakarta.json.JsonNumber) value).doubleValue();
    }

    /** A list of objects, each read with its index in the path ({@code masks[0].x}); absent: an empty list. */
    List<JsonInput> objects(String name) {
        JsonValue value = member(name);
        List<JsonInput> items = new ArrayList<>();
        if (value == null) {
            return items;
        }
        if (value.getValueType() != JsonValue.ValueType.ARRAY) {
            violations.add(new RuleViolation(path(name), "Une liste d'objets JSON est attendue."));
            return items;
        }
        int i = 0;
        for (JsonValue item : value.asJsonArray()) {
            String itemPath = path(name) + "[" + i++ + "]";
            if (item.getValueType() != JsonValue.ValueType.OBJECT) {
                violations.add(new RuleViolation(itemPath, "Un objet JSON est attendu."));
            } else {
                items.add(new JsonInput(item.asJsonObject(), itemPath + ".", violations));
            }
        }
        return items;
    }

    /** The shape errors found so far. */
    List<RuleViolation> errors() {
        return List.copyOf(violations);
    }

    /** Throws every shape error found so far. */
    void done() {
        if (!violations.isEmpty()) {
            throw new InvalidCommandException(violations);
        }
    }

    private JsonValue member(String name) {
        JsonValue value = json.get(name);
        return value == null || value.getValueType() == JsonValue.ValueType.NULL ? null : value;
    }

    private String path(String name) {
        return prefix + name;
    }
}
