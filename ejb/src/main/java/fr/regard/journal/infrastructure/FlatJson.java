package fr.regard.journal.infrastructure;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import java.io.StringReader;
import java.util.Map;
import java.util.TreeMap;

/** Flat string→string maps (journal objects and details) as JSON text in their columns. */
final class FlatJson {

    private FlatJson() {
    }

    static String write(Map<String, String> map) {
        JsonObjectBuilder json = Json.createObjectBuilder();
        new TreeMap<>(map).forEach(json::add);
        return json.build().toString();
    }

    static Map<String, String> read(String text) {
        Map<String, String> map = new TreeMap<>();
        if (text == null || text.isBlank()) {
            return map;
        }
        JsonObject json = Json.createReader(new StringReader(text)).readObject();
        json.forEach((key, value) -> map.put(key, ((JsonString) value).getString()));
        return map;
    }
}
