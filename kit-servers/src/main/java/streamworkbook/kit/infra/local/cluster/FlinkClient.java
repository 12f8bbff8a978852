package streamworkbook.kit.infra.local.cluster;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code flink run -d} against a session cluster this JVM did not start (e.g. the one of {@code ./workbook up --flink}):
 * Flink's client, {@code CliFrontend}, in its own JVM on Flink's own classpath with the JDK 17 options, as
 * {@link FlinkCluster#submit} runs it for a cluster it owns.
 */
public final class FlinkClient {

    private static final Pattern JOB_ID = Pattern.compile("JobID ([0-9a-f]{32})");

    private FlinkClient() {
    }

    /** Submits {@code job} to the cluster whose REST API is {@code host:restPort}; returns the job's id. {@code log}: the client's output. */
    public static String submit(String classpath, String host, int restPort, JobSubmission job, Path log) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(FlinkCluster.JAVA_17_OPTIONS);
        command.addAll(List.of("-Xmx512m", "-cp", classpath, "org.apache.flink.client.cli.CliFrontend",
                "run", "-d", "-t", "remote", "-Drest.address=" + host, "-Drest.port=" + restPort));
        if (job.parallelism() > 0) {
            command.addAll(List.of("-p", String.valueOf(job.parallelism())));
        }
        if (job.savepoint() != null) {
            command.addAll(List.of("-s", job.savepoint()));
        }
        if (job.mainClass() != null) {
            command.addAll(List.of("-c", job.mainClass()));
        }
        command.add(job.jar().toAbsolutePath().toString());
        command.addAll(job.args());
        try {
            Files.createDirectories(log.toAbsolutePath().getParent());
            // CliFrontend stops (exit code 31, without a word) unless FLINK_CONF_DIR names a directory with a config.yaml;
            // the client needs no setting of its own: the -D options above say where the cluster is
            Path conf = Files.createTempDirectory("flink-client-conf-");
            Files.writeString(conf.resolve("config.yaml"), "# flink run's client: everything is given on its command line\n");
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
            builder.environment().put("FLINK_CONF_DIR", conf.toString());
            Process process = builder.start();
            if (!process.waitFor(3, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                throw new IllegalStateException("flink run did not end within 3 minutes; see " + log);
            }
            String output = Files.readString(log, StandardCharsets.UTF_8);
            Matcher id = JOB_ID.matcher(output);
            if (process.exitValue() != 0 || !id.find()) {
                List<String> lines = output.lines().toList();
                throw new IllegalStateException("flink run did not submit " + job.jar().getFileName() + " (exit code "
                        + process.exitValue() + "); its output (" + log + ") ends with:\n"
                        + String.join("\n", lines.subList(Math.max(0, lines.size() - 25), lines.size())));
            }
            return id.group(1);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while submitting", e);
        }
    }
}
