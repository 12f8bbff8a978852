package streamworkbook.platform;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import streamworkbook.kit.infra.local.FreePorts;

/**
 * Prometheus (the Debian package's binary, or any {@code prometheus} on the PATH) scraping the platform: the Flink
 * reporter, the consumer-lag exporter and itself, with week 9's alert and recording rules. Optional: without the
 * binary the platform runs as well and one line says how to get it.
 */
final class PrometheusServer implements AutoCloseable {

    static final int PORT = 9090;

    private final Process process;
    private final Path dir;

    private PrometheusServer(Process process, Path dir) {
        this.process = process;
        this.dir = dir;
    }

    /** Starts Prometheus, or says in one line why not and returns null. */
    static PrometheusServer startIfInstalled(Path workbookRoot, List<String> flinkTargets, String lagTarget, PrintStream out) {
        String binary = onPath("prometheus");
        if (binary == null) {
            out.println("  Prometheus: not installed, carrying on without it (Debian/Ubuntu: sudo apt-get install prometheus;"
                    + " macOS: brew install prometheus)");
            return null;
        }
        if (FreePorts.inUse(PORT)) {
            out.println("  Prometheus: port " + PORT + " is taken (another Prometheus?), carrying on without ours");
            return null;
        }
        try {
            Path dir = Files.createTempDirectory("workbook-prometheus-");
            Path config = dir.resolve("prometheus.yml");
            Files.writeString(config, config(workbookRoot, flinkTargets, lagTarget), StandardCharsets.UTF_8);
            Process process = new ProcessBuilder(binary, "--config.file=" + config, "--storage.tsdb.path=" + dir.resolve("data"),
                    "--web.listen-address=127.0.0.1:" + PORT)
                    .redirectErrorStream(true).redirectOutput(dir.resolve("prometheus.log").toFile()).start();
            return new PrometheusServer(process, dir);
        } catch (IOException e) {
            out.println("  Prometheus: could not start (" + e.getMessage() + "), carrying on without it");
            return null;
        }
    }

    /** Week 9's scrape configuration for this run's ports, and its rules where the checkout has them. */
    static String config(Path root, List<String> flinkTargets, String lagTarget) {
        List<String> rules = new ArrayList<>();
        Path monitoring = root.resolve("week09-monitoring");
        for (Path rule : List.of(monitoring.resolve("monitoring/prometheus/pipeline-alerts.yml"),
                monitoring.resolve("src/solution/prometheus/shop-alerts.yml"),
                monitoring.resolve("src/solution/prometheus/shop-recording-rules.yml"))) {
            if (Files.isRegularFile(rule)) {
                rules.add("  - " + rule.toAbsolutePath());
            }
        }
        return """
                # written by ./workbook demo for this run (week09-monitoring/monitoring/prometheus/prometheus.yml is the model)
                global:
                  scrape_interval: 5s
                  evaluation_interval: 5s
                rule_files:
                %s
                scrape_configs:
                  - job_name: prometheus
                    static_configs:
                      - targets: ["localhost:%d"]
                  - job_name: flink
                    static_configs:
                      - targets: [%s]
                  - job_name: kafka-lag
                    static_configs:
                      - targets: ["%s"]
                """.formatted(rules.isEmpty() ? "  []" : String.join("\n", rules), PORT,
                "\"" + String.join("\", \"", flinkTargets) + "\"", lagTarget).replace("rule_files:\n  []", "rule_files: []");
    }

    String url() {
        return "http://localhost:" + PORT;
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
        try (var files = Files.walk(dir)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
        } catch (IOException e) {
            // a temporary directory left behind is not worth failing a stop for
        }
    }

    private static String onPath(String name) {
        for (String entry : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
            Path candidate = Path.of(entry, name);
            if (Files.isExecutable(candidate)) {
                return candidate.toString();
            }
        }
        return null;
    }
}
