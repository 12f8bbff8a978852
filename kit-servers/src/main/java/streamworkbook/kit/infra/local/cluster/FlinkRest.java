package streamworkbook.kit.infra.local.cluster;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * The few calls of Flink's REST API that a cluster's owner needs (the API the web UI and {@code flink} use):
 * JSON in, JSON out, over {@code java.net.http}, so no Flink class is loaded in the caller's JVM.
 */
public final class FlinkRest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final String baseUrl;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    public FlinkRest(String baseUrl) {
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
    }

    public String baseUrl() {
        return baseUrl;
    }

    /** GET {@code path}; a reply other than 200 is an {@link IllegalStateException} with the cluster's error text. */
    public JsonNode get(String path) {
        return send(HttpRequest.newBuilder(URI.create(baseUrl + path)).GET());
    }

    /** POST {@code body} (serialized with Jackson) to {@code path}. */
    public JsonNode post(String path, Object body) {
        try {
            return send(HttpRequest.newBuilder(URI.create(baseUrl + path))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalArgumentException("not serializable as JSON: " + body, e);
        }
    }

    /** PATCH {@code path} with no body (e.g. {@code /jobs/:id?mode=cancel}). */
    public JsonNode patch(String path) {
        return send(HttpRequest.newBuilder(URI.create(baseUrl + path)).method("PATCH", HttpRequest.BodyPublishers.noBody()));
    }

    /** True when the REST endpoint answers {@code /overview}. */
    public boolean answers() {
        try {
            get("/overview");
            return true;
        } catch (RuntimeException e) {
            return false;
        }
    }

    private JsonNode send(HttpRequest.Builder request) {
        HttpRequest built = request.timeout(Duration.ofSeconds(30)).build();
        try {
            HttpResponse<String> response = http.send(built, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() / 100 != 2) {
                throw new IllegalStateException(built.method() + " " + built.uri() + " answered " + response.statusCode() + ": "
                        + response.body());
            }
            String body = response.body();
            return body.isBlank() ? JSON.createObjectNode() : JSON.readTree(body);
        } catch (IOException e) {
            throw new UncheckedIOException(built.method() + " " + built.uri() + " failed: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
