package streamworkbook.week09;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import streamworkbook.kit.infra.local.FreePorts;

/**
 * A real Prometheus (the {@code prometheus} binary, Debian's 2.42 here) with a configuration of the test's own:
 * scraping every second the targets given, evaluating the given rule files every second, storing into a temporary
 * directory, on a free port of the loopback interface.
 */
final class PrometheusServer implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final Process process;
    private final URI base;
    private final Path log;

    private PrometheusServer(Process process, URI base, Path log) {
        this.process = process;
        this.base = base;
        this.log = log;
    }

    /** @param targets scrape job name → host:port of its /metrics endpoint */
    static PrometheusServer start(Map<String, String> targets, List<Path> ruleFiles) throws Exception {
        Path binary = Binaries.require("prometheus");
        Path dir = Files.createTempDirectory("w9-prometheus");
        Map<String, Object> config = new LinkedHashMap<>();
        config.put("global", Map.of("scrape_interval", "1s", "evaluation_interval", "1s"));
        config.put("rule_files", ruleFiles.stream().map(Path::toString).toList());
        config.put("scrape_configs", targets.entrySet().stream()
                .map(t -> Map.of("job_name", t.getKey(), "static_configs", List.of(Map.of("targets", List.of(t.getValue())))))
                .toList());
        Path configFile = dir.resolve("prometheus.yml");
        RuleFiles.YAML.writeValue(configFile.toFile(), config);
        int port = FreePorts.pick();
        Path log = dir.resolve("prometheus.log");
        Process process = new ProcessBuilder(binary.toString(),
                "--config.file=" + configFile,
                "--storage.tsdb.path=" + dir.resolve("data"),
                "--web.listen-address=127.0.0.1:" + port,
                "--log.level=warn")
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        PrometheusServer server = new PrometheusServer(process, URI.create("http://127.0.0.1:" + port), log);
        server.awaitReady(Duration.ofSeconds(30));
        return server;
    }

    private void awaitReady(Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("prometheus exited with " + process.exitValue() + ": " + Files.readString(log));
            }
            try {
                if (get("/-/ready").statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // still starting
            }
            Thread.sleep(200);
        }
        close();
        throw new IllegalStateException("prometheus not ready in " + timeout.toSeconds() + " s: " + Files.readString(log));
    }

    /** The result vector (or matrix, or scalar) of an instant query now; throws on a query Prometheus rejects. */
    JsonNode query(String promql) throws Exception {
        HttpResponse<String> response = get("/api/v1/query?query=" + URLEncoder.encode(promql, StandardCharsets.UTF_8));
        JsonNode body = JSON.readTree(response.body());
        if (!"success".equals(body.path("status").asText())) {
            throw new IllegalArgumentException("Prometheus rejected " + promql + ": " + body.path("error").asText());
        }
        return body.path("data").path("result");
    }

    /** Scrape job → health of its target ("up", "down", "unknown"), from /api/v1/targets. */
    Map<String, String> targetHealth() throws Exception {
        Map<String, String> health = new LinkedHashMap<>();
        JSON.readTree(get("/api/v1/targets").body()).path("data").path("activeTargets")
                .forEach(t -> health.put(t.path("labels").path("job").asText(), t.path("health").asText()
                        + (t.path("lastError").asText().isEmpty() ? "" : " (" + t.path("lastError").asText() + ")")));
        return health;
    }

    String log() {
        try {
            return Files.readString(log);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(10)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }
}
