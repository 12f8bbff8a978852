package streamworkbook.platform;

import java.nio.file.Files;
import java.nio.file.Path;
import streamworkbook.kit.infra.local.cluster.FlinkClient;
import streamworkbook.kit.infra.local.cluster.FlinkRest;
import streamworkbook.kit.infra.local.cluster.JobSubmission;

/**
 * The platform job as a job jar on a Flink session cluster ({@code ./workbook up --flink}), submitted the way
 * {@code flink run -d} does; watched and cancelled through the cluster's REST API.
 */
final class ClusterJob implements RunningJob {

    private final FlinkRest rest;
    private final String jobId;

    private ClusterJob(FlinkRest rest, String jobId) {
        this.rest = rest;
        this.jobId = jobId;
    }

    /**
     * Submits the job jar with the arguments that rebuild {@code settings} on the cluster. {@code flinkClasspath}: the
     * cluster's own classpath (Flink's jars only), which the client runs on.
     */
    static ClusterJob submit(PlatformJob.Settings settings, Path jobJar, String flinkClasspath, int restPort, Path logDir) {
        FlinkRest rest = new FlinkRest("http://127.0.0.1:" + restPort);
        if (!rest.answers()) {
            throw new IllegalStateException("no Flink cluster answers on port " + restPort + ": start one with `./workbook up --flink`");
        }
        if (!Files.isRegularFile(jobJar)) {
            throw new IllegalStateException("no job jar at " + jobJar + ": build it with `mvn -pl final -am package -DskipTests`");
        }
        String id = FlinkClient.submit(flinkClasspath, "127.0.0.1", restPort,
                JobSubmission.of(jobJar, PlatformJob.arguments(settings).toArray(String[]::new)), logDir.resolve("platform-client.out"));
        return new ClusterJob(rest, id);
    }

    String id() {
        return jobId;
    }

    @Override
    public String state() {
        try {
            return rest.get("/jobs/" + jobId).path("state").asText();
        } catch (RuntimeException e) {
            return "?";
        }
    }

    @Override
    public String watermarks() {
        return JobWatermarks.of(rest, jobId);
    }

    @Override
    public void close() {
        try {
            rest.patch("/jobs/" + jobId + "?mode=cancel");
        } catch (RuntimeException e) {
            // the cluster is gone, or the job ended already
        }
    }
}
