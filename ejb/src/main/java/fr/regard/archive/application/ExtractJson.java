package fr.regard.archive.application;

import fr.regard.archive.domain.ExtractSource;
import fr.regard.archive.domain.FootageExtract;
import fr.regard.archive.domain.PrivacyMask;
import fr.regard.archive.domain.ThirdPartyMask;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * The JSON of extracts: the masks asked (stored in {@code footage_extract.masks}), the status view of an extract and
 * the data of the procès-verbal d'extraction (docs/archive.md "Procès-verbal d'extraction": the field names are
 * stable, the documents capability renders and seals them).
 */
public final class ExtractJson {

    /** Version of the procès-verbal data; raised when a field changes meaning or disappears. */
    public static final int PV_VERSION = 1;

    static final ZoneId PARIS = ZoneId.of("Europe/Paris");

    private ExtractJson() {
    }

    /** {@code {"thirdParties":[…],"privacyMasks":[…]}}: what the extraction is asked to mask on one camera. */
    public static String masks(List<ThirdPartyMask> thirdParties, List<PrivacyMask> privacyMasks) {
        JsonArrayBuilder third = Json.createArrayBuilder();
        thirdParties.forEach(m -> third.add(Json.createObjectBuilder().add("x", m.x()).add("y", m.y())
                .add("width", m.width()).add("height", m.height()).add("from", m.from().toString())
                .add("to", m.to().toString())));
        JsonArrayBuilder privacy = Json.createArrayBuilder();
        for (int i = 0; i < privacyMasks.size(); i++) {
            PrivacyMask m = privacyMasks.get(i);
            privacy.add(Json.createObjectBuilder().add("index", i).add("x", m.x()).add("y", m.y())
                    .add("width", m.width()).add("height", m.height()));
        }
        return Json.createObjectBuilder().add("thirdParties", third).add("privacyMasks", privacy).build().toString();
    }

    public static List<ThirdPartyMask> thirdParties(String masksJson) {
        return parse(masksJson).getJsonArray("thirdParties").getValuesAs(JsonObject.class).stream()
                .map(o -> new ThirdPartyMask(o.getJsonNumber("x").doubleValue(), o.getJsonNumber("y").doubleValue(),
                        o.getJsonNumber("width").doubleValue(), o.getJsonNumber("height").doubleValue(),
                        Instant.parse(o.getString("from")), Instant.parse(o.getString("to"))))
                .toList();
    }

    public static List<PrivacyMask> privacyMasks(String masksJson) {
        return parse(masksJson).getJsonArray("privacyMasks").getValuesAs(JsonObject.class).stream()
                .map(o -> new PrivacyMask(o.getJsonNumber("x").doubleValue(), o.getJsonNumber("y").doubleValue(),
                        o.getJsonNumber("width").doubleValue(), o.getJsonNumber("height").doubleValue()))
                .toList();
    }

    static JsonObject parse(String json) {
        try (var reader = Json.createReader(new StringReader(json))) {
            return reader.readObject();
        }
    }

    static JsonArray parseArray(String json) {
        try (var reader = Json.createReader(new StringReader(json))) {
            return reader.readArray();
        }
    }

    /** The status of an extract for staff: where it stands, its progress, its file once done. */
    public static JsonObject view(FootageExtract e) {
        JsonObjectBuilder b = Json.createObjectBuilder()
                .add("id", e.id())
                .add("request", e.requestId())
                .add("case", e.caseReference())
                .add("camera", e.cameraId())
                .add("window", window(e.windowStart(), e.windowEnd()))
                .add("status", e.status().name())
                .add("statusLabel", e.status().label())
                .add("progress", Json.createObjectBuilder().add("framesDone", e.framesDone())
                        .add("framesTotal", e.framesTotal()).add("percent", e.percent()))
                .add("purposeCategory", e.purposeCategory().name())
                .add("purposeCategoryLabel", e.purposeCategory().label())
                .add("purpose", e.purpose())
                .add("requestedBy", e.requestedBy())
                .add("requestedRole", e.requestedRole())
                .add("requestedAt", e.requestedAt().toString())
                .add("attempts", e.attempts())
                .add("cancelRequested", e.cancelRequested())
                .add("masks", parse(e.masks()));
        optional(b, "startedAt", e.startedAt());
        optional(b, "finishedAt", e.finishedAt());
        if (e.failure() != null) {
            b.add("failure", e.failure());
        }
        if (e.outputSha256() != null) {
            b.add("file", file(e));
        }
        if (e.destroyedAt() != null) {
            b.add("destruction", destruction(e));
        }
        return b.build();
    }

    /**
     * The data of the procès-verbal d'extraction of one request (all its cameras): case, window in UTC and in Paris
     * time, per camera the source segments with their SHA-256 at ingest and the output file (hash, size, duration,
     * frames, periods without footage, masks applied), the operator, the purpose and the times.
     */
    public static JsonObject pv(List<FootageExtract> request) {
        FootageExtract first = request.get(0);
        JsonArrayBuilder cameras = Json.createArrayBuilder();
        Instant finished = null;
        for (FootageExtract e : request) {
            JsonArrayBuilder sources = Json.createArrayBuilder();
            for (ExtractSource s : e.sources()) {
                sources.add(Json.createObjectBuilder().add("segment", s.segmentId()).add("location", s.location())
                        .add("start", s.start().toString()).add("end", s.end().toString()).add("size", s.size())
                        .add("sha256", s.sha256()));
            }
            JsonObjectBuilder camera = Json.createObjectBuilder()
                    .add("extract", e.id())
                    .add("camera", e.cameraId())
                    .add("status", e.status().name())
                    .add("statusLabel", e.status().label())
                    .add("sourceSegments", sources)
                    .add("masksRequested", parse(e.masks()));
            if (e.outputSha256() != null) {
                camera.add("file", file(e));
                camera.add("masksApplied", e.appliedMasks() == null ? JsonValue.EMPTY_JSON_ARRAY
                        : parseArray(e.appliedMasks()));
            } else {
                camera.addNull("file");
            }
            if (e.failure() != null) {
                camera.add("failure", e.failure());
            }
            if (e.destroyedAt() != null) {
                camera.add("destruction", destruction(e));
            }
            cameras.add(camera);
            if (e.finishedAt() != null && (finished == null || e.finishedAt().isAfter(finished))) {
                finished = e.finishedAt();
            }
        }
        boolean complete = request.stream().allMatch(e -> e.outputSha256() != null);
        JsonObjectBuilder pv = Json.createObjectBuilder()
                .add("document", "PROCES_VERBAL_EXTRACTION")
                .add("version", PV_VERSION)
                .add("title", "Procès-verbal d'extraction")
                .add("request", first.requestId())
                .add("case", first.caseReference())
                .add("window", window(first.windowStart(), first.windowEnd()))
                .add("cameras", cameras)
                .add("complete", complete)
                .add("operator", Json.createObjectBuilder().add("user", first.requestedBy())
                        .add("role", first.requestedRole()))
                .add("purpose", Json.createObjectBuilder().add("category", first.purposeCategory().name())
                        .add("categoryLabel", first.purposeCategory().label()).add("text", first.purpose()))
                .add("requestedAt", time(first.requestedAt()));
        if (finished != null) {
            pv.add("finishedAt", time(finished));
        } else {
            pv.addNull("finishedAt");
        }
        return pv.build();
    }

    private static JsonObject file(FootageExtract e) {
        JsonObjectBuilder f = Json.createObjectBuilder()
                .add("name", fileName(e))
                .add("sha256", e.outputSha256())
                .add("size", e.outputSize())
                .add("durationMillis", e.outputDurationMillis())
                .add("frames", e.outputFrames())
                .add("engine", e.engine() == null ? "" : e.engine())
                .add("gaps", e.outputGaps() == null ? JsonValue.EMPTY_JSON_ARRAY : parseArray(e.outputGaps()));
        optional(f, "firstFrame", e.outputFirstFrame());
        optional(f, "end", e.outputEnd());
        return f.build();
    }

    private static JsonObject destruction(FootageExtract e) {
        JsonObjectBuilder d = Json.createObjectBuilder()
                .add("at", time(e.destroyedAt()))
                .add("by", e.destroyedBy())
                .add("note", e.destructionNote() == null ? "" : e.destructionNote());
        if (e.destroyedSha256() != null) {
            d.add("sha256", e.destroyedSha256());
        } else {
            d.addNull("sha256");
        }
        if (e.deliveryExpiresAt() != null) {
            d.add("deliveryExpiredAt", time(e.deliveryExpiresAt()));
        }
        return d.build();
    }

    /** The download name of an extract's file. */
    public static String fileName(FootageExtract e) {
        return e.caseReference() + "-extrait-" + e.id() + "-" + e.cameraId() + ".mp4";
    }

    /** A window in UTC and in Europe/Paris time (ISO-8601 with offset). */
    static JsonObject window(Instant start, Instant end) {
        return Json.createObjectBuilder()
                .add("start", time(start))
                .add("end", time(end))
                .build();
    }

    /** An instant in UTC and in Europe/Paris time. */
    static JsonObject time(Instant instant) {
        Instant exact = instant.truncatedTo(ChronoUnit.MILLIS);
        return Json.createObjectBuilder().add("utc", exact.toString())
                .add("paris", exact.atZone(PARIS).toOffsetDateTime().toString()).build();
    }

    private static void optional(JsonObjectBuilder b, String name, Instant instant) {
        if (instant != null) {
            b.add(name, instant.toString());
        }
    }
}
