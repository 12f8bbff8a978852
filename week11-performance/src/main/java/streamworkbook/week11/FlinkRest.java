package streamworkbook.week11;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.RestOptions;

/**
 * Flink's REST API — what the web UI shows, as JSON — for the few things this week reads: a job's vertices, their
 * subtasks' metrics, the job's configuration and checkpoint settings. A local cluster serves it on its web UI's port;
 * a test's MiniCluster on a random port, found in the extension's client configuration.
 */
public final class FlinkRest {

    /** The metrics {@link #metrics} reads for every subtask. */
    public static final List<String> SUBTASK_METRICS = List.of("busyTimeMsPerSecond", "backPressuredTimeMsPerSecond",
            "idleTimeMsPerSecond", "numRecordsIn", "numRecordsOut");

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String baseUrl;

    public FlinkRest(String baseUrl) {
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
    }

    /** The REST endpoint of a cluster whose client configuration this is (a MiniClusterExtension's, for example). */
    public static FlinkRest of(Configuration clientConfiguration) {
        return new FlinkRest("http://" + clientConfiguration.get(RestOptions.ADDRESS) + ":" + clientConfiguration.get(RestOptions.PORT));
    }

    public String baseUrl() {
        return baseUrl;
    }

    /** GET of a path such as {@code /jobs/<id>}, as a JSON tree. */
    public JsonNode get(String path) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(Duration.ofSeconds(10)).GET().build();
        try {
            HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException("Flink's REST API answered " + response.statusCode() + " to " + path + ": " + response.body());
            }
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new UncheckedIOException("Flink's REST API at " + baseUrl + " did not answer " + path, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    /** The job's vertices in topological order, each with its subtasks' {@link #SUBTASK_METRICS}. */
    public JobMetrics metrics(String jobId) {
        JsonNode job = get("/jobs/" + jobId);
        Map<String, List<String>> inputs = new HashMap<>();
        for (JsonNode node : get("/jobs/" + jobId + "/plan").path("plan").path("nodes")) {
            List<String> ids = new ArrayList<>();
            node.path("inputs").forEach(input -> ids.add(input.path("id").asText()));
            inputs.put(node.path("id").asText(), ids);
        }
        List<VertexMetrics> vertices = new ArrayList<>();
        for (JsonNode vertex : job.path("vertices")) { // the REST API lists them in topological order
            String id = vertex.path("id").asText();
            int parallelism = vertex.path("parallelism").asInt();
            List<SubtaskMetrics> subtasks = new ArrayList<>();
            for (int i = 0; i < parallelism; i++) {
                Map<String, Double> values = subtaskMetrics(jobId, id, i, SUBTASK_METRICS);
                subtasks.add(new SubtaskMetrics(i, values.getOrDefault("busyTimeMsPerSecond", 0.0),
                        values.getOrDefault("backPressuredTimeMsPerSecond", 0.0), values.getOrDefault("idleTimeMsPerSecond", 0.0),
                        values.getOrDefault("numRecordsIn", 0.0).longValue(), values.getOrDefault("numRecordsOut", 0.0).longValue()));
            }
            vertices.add(new VertexMetrics(id, vertex.path("name").asText(), inputs.getOrDefault(id, List.of()), subtasks));
        }
        return new JobMetrics(jobId, vertices);
    }

    /** Some metrics of one subtask ({@code /jobs/:id/vertices/:vid/subtasks/:n/metrics?get=…}); missing ones are absent. */
    public Map<String, Double> subtaskMetrics(String jobId, String vertexId, int subtask, List<String> names) {
        JsonNode answer = get("/jobs/" + jobId + "/vertices/" + vertexId + "/subtasks/" + subtask + "/metrics?get="
                + String.join(",", names));
        Map<String, Double> values = new HashMap<>();
        for (JsonNode metric : answer) {
            try {
                values.put(metric.path("id").asText(), Double.parseDouble(metric.path("value").asText()));
            } catch (NumberFormatException e) {
                // a gauge that is not a number (a gauge of a string): not one of ours
            }
        }
        return values;
    }

    /** The names of every metric a subtask reports (operator metrics are prefixed with the operator's name). */
    public List<String> subtaskMetricNames(String jobId, String vertexId, int subtask) {
        List<String> names = new ArrayList<>();
        get("/jobs/" + jobId + "/vertices/" + vertexId + "/subtasks/" + subtask + "/metrics").forEach(m -> names.add(m.path("id").asText()));
        return names;
    }

    /** Records read and written per subtask of each vertex, from the job's details: also there once the job finished. */
    public Map<String, List<long[]>> recordsPerSubtask(String jobId) {
        Map<String, List<long[]>> out = new java.util.LinkedHashMap<>();
        for (JsonNode vertex : get("/jobs/" + jobId).path("vertices")) {
            List<long[]> perSubtask = new ArrayList<>();
            for (JsonNode subtask : get("/jobs/" + jobId + "/vertices/" + vertex.path("id").asText()).path("subtasks")) {
                JsonNode m = subtask.path("metrics");
                perSubtask.add(new long[] {m.path("read-records").asLong(), m.path("write-records").asLong()});
            }
            out.put(vertex.path("name").asText(), perSubtask);
        }
        return out;
    }

    /** The ship strategy of every edge into each vertex, by vertex name ({@code HASH} behind a keyBy). */
    public Map<String, List<String>> shipStrategies(String jobId) {
        Map<String, List<String>> out = new java.util.LinkedHashMap<>();
        for (JsonNode node : get("/jobs/" + jobId + "/plan").path("plan").path("nodes")) {
            List<String> strategies = new ArrayList<>();
            node.path("inputs").forEach(input -> strategies.add(input.path("ship_strategy").asText()));
            out.put(node.path("description").asText(), strategies);
        }
        return out;
    }
}
