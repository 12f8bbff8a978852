package streamworkbook.platform;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;
import streamworkbook.kit.infra.local.FreePorts;
import streamworkbook.kit.infra.local.cluster.FlinkCluster;
import streamworkbook.kit.infra.local.cluster.JobSubmission;

/**
 * The platform's job jar on a Flink standalone cluster that the demo starts itself ({@code --taskmanagers N}): a
 * JobManager and N TaskManagers, each its own process. Owning the processes is what lets the demo run the
 * TaskManager and rescale drills live; the cluster stops with the demo.
 */
final class OwnFlinkClusterJob implements RunningJob {

    private final FlinkCluster flink;
    private final Path jobJar;
    private final AtomicReference<String> jobId;

    private OwnFlinkClusterJob(FlinkCluster flink, Path jobJar, String jobId) {
        this.flink = flink;
        this.jobJar = jobJar;
        this.jobId = new AtomicReference<>(jobId);
    }

    /** Starts the cluster (web UI and REST on {@code restPort}, 2 slots per TaskManager) and submits the job jar. */
    static OwnFlinkClusterJob start(PlatformJob.Settings settings, Path jobJar, String flinkClasspath, int taskManagers, int restPort,
                                    int firstMetricsPort) throws IOException {
        FlinkCluster flink = startCluster(flinkClasspath, taskManagers, restPort, firstMetricsPort);
        try {
            String id = flink.submit(JobSubmission.of(jobJar, PlatformJob.arguments(settings).toArray(String[]::new)));
            flink.awaitJobState(id, Duration.ofMinutes(2), "RUNNING");
            return new OwnFlinkClusterJob(flink, jobJar, id);
        } catch (RuntimeException e) {
            flink.close();
            throw e;
        }
    }

    /**
     * The platform's Flink cluster shape, for the demo and the cluster drills' tests alike: 2 slots per TaskManager,
     * 1280 MB each, a Prometheus reporter port per process from {@code firstMetricsPort}.
     */
    static FlinkCluster startCluster(String flinkClasspath, int taskManagers, int restPort, int firstMetricsPort) throws IOException {
        return FlinkCluster.builder(Files.createTempDirectory("platform-flink-"), flinkClasspath)
                .restPort(restPort).rpcPort(FreePorts.pick())
                .taskManagers(taskManagers).slotsPerTaskManager(2)
                .taskManagerMemory("1280m")
                .metricsPorts(firstMetricsPort, firstMetricsPort + 5)
                .start();
    }

    FlinkCluster flink() {
        return flink;
    }

    Path jobJar() {
        return jobJar;
    }

    /** The running job's id; the rescale drill replaces it with the rescaled job's. */
    AtomicReference<String> jobId() {
        return jobId;
    }

    @Override
    public String state() {
        try {
            return flink.jobState(jobId.get());
        } catch (RuntimeException e) {
            return "?";
        }
    }

    @Override
    public String watermarks() {
        return JobWatermarks.of(flink.rest(), jobId.get());
    }

    /** Cancels the job, then stops the TaskManagers and the JobManager. */
    @Override
    public void close() {
        try {
            flink.cancel(jobId.get());
        } catch (RuntimeException e) {
            // the job ended already
        }
        flink.close();
    }
}
