package fr.regard.it;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;

/** A small HTTP client for the tests, against the server on loopback. */
final class Http {

    static final String BASE = System.getProperty("regard.it.base-url", "http://127.0.0.1:8080");

    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private Http() {
    }

    record Reply(int status, String contentType, String location, String body) {
        JsonObject json() {
            return Json.createReader(new StringReader(body)).readObject();
        }

        jakarta.json.JsonArray jsonArray() {
            return Json.createReader(new StringReader(body)).readArray();
        }
    }

    static Reply get(String path) {
        return send(HttpRequest.newBuilder(URI.create(BASE + path)).GET());
    }

    static Reply get(String path, String user, String password) {
        return send(HttpRequest.newBuilder(URI.create(BASE + path)).GET()
                .header("Authorization", "Basic " + Base64.getEncoder()
                        .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8))));
    }

    static Reply postAs(String path, String user, String password) {
        return send(HttpRequest.newBuilder(URI.create(BASE + path))
                .header("Authorization", "Basic " + Base64.getEncoder()
                        .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8)))
                .POST(HttpRequest.BodyPublishers.noBody()));
    }

    /** Downloads a protected resource to a file; fails unless 200. */
    static void download(String path, String user, String password, java.nio.file.Path target) {
        try {
            HttpResponse<java.nio.file.Path> response = CLIENT.send(HttpRequest.newBuilder(URI.create(BASE + path))
                    .header("Authorization", "Basic " + Base64.getEncoder()
                            .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8)))
                    .timeout(Duration.ofSeconds(120)).GET().build(),
                    HttpResponse.BodyHandlers.ofFile(target));
            if (response.statusCode() != 200) {
                throw new IllegalStateException("GET " + path + " answered " + response.statusCode());
            }
        } catch (java.io.IOException e) {
            throw new IllegalStateException("Download failed: " + path, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** An anonymous GET of binary content: the status and the bytes. */
    record Bytes(int status, byte[] body, java.net.http.HttpHeaders headers) {
    }

    /** An authenticated GET of binary content: the status and the bytes. */
    static Bytes bytesAs(String path, String user, String password) {
        return bytes(HttpRequest.newBuilder(URI.create(BASE + path)).header("Authorization", "Basic " + Base64.getEncoder()
                .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8))), path);
    }

    static Bytes bytes(String path) {
        return bytes(HttpRequest.newBuilder(URI.create(BASE + path)), path);
    }

    private static Bytes bytes(HttpRequest.Builder request, String path) {
        try {
            HttpResponse<byte[]> response = CLIENT.send(request.timeout(Duration.ofSeconds(120)).GET().build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            return new Bytes(response.statusCode(), response.body(), response.headers());
        } catch (java.io.IOException e) {
            throw new IllegalStateException("GET failed: " + path, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static Reply postJsonAs(String path, String user, String password, String json) {
        return send(HttpRequest.newBuilder(URI.create(BASE + path))
                .header("Authorization", "Basic " + Base64.getEncoder()
                        .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8)))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    static Reply putJsonAs(String path, String user, String password, String json) {
        return send(HttpRequest.newBuilder(URI.create(BASE + path))
                .header("Authorization", "Basic " + Base64.getEncoder()
                        .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8)))
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(json)));
    }

    static JsonObject postBytes(String path, byte[] body) {
        Reply reply = send(HttpRequest.newBuilder(URI.create(BASE + path))
                .header("Content-Type", "application/octet-stream")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)));
        if (reply.status() != 200) {
            throw new IllegalStateException("POST " + path + " answered " + reply.status() + ": " + reply.body());
        }
        return reply.json();
    }

    static Reply postJson(String path, String json) {
        return post(path, "application/json", json);
    }

    static Reply post(String path, String contentType, String body) {
        return send(HttpRequest.newBuilder(URI.create(BASE + path))
                .header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    private static Reply send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> response = CLIENT.send(request.timeout(Duration.ofSeconds(60)).build(),
                    HttpResponse.BodyHandlers.ofString());
            return new Reply(response.statusCode(),
                    response.headers().firstValue("Content-Type").orElse(""),
                    response.headers().firstValue("Location").orElse(null),
                    response.body());
        } catch (Exception e) {
            throw new IllegalStateException("HTTP call failed: " + request.build().uri(), e);
        }
    }
}
