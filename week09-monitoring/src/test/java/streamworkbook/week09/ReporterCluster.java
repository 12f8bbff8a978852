package streamworkbook.week09;

import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.apache.flink.api.common.JobStatus;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.MemorySize;
import org.apache.flink.configuration.RestOptions;
import org.apache.flink.configuration.TaskManagerOptions;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.runtime.minicluster.MiniCluster;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.streaming.util.TestStreamEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import streamworkbook.kit.flink.FlinkJobs;
import streamworkbook.kit.infra.local.FreePorts;
import streamworkbook.kit.testing.TestFlink;

/**
 * A test Flink cluster with Flink's Prometheus reporter, like {@link TestFlink#cluster()} otherwise. The reporter is
 * part of the cluster's configuration, not of a job's: each test class gets its own cluster and its own range of
 * ports (several test JVMs may run at once on one machine).
 */
final class ReporterCluster {

    private ReporterCluster() {
    }

    /** Ten ports from a free one: the reporter takes the first that is free when the cluster starts. */
    static String freePortRange() {
        int first = FreePorts.pick();
        return first + "-" + (first + 9);
    }

    static MiniClusterExtension cluster(String portRange) {
        Configuration config = MonitoredPipeline.withPrometheusReporter(new Configuration(), portRange);
        config.set(RestOptions.BIND_PORT, "0");
        config.set(TaskManagerOptions.MANAGED_MEMORY_SIZE, MemorySize.ofMebiBytes(64));
        config.set(TaskManagerOptions.NETWORK_MEMORY_MIN, MemorySize.ofMebiBytes(64));
        config.set(TaskManagerOptions.NETWORK_MEMORY_MAX, MemorySize.ofMebiBytes(64));
        return new MiniClusterExtension(new MiniClusterResourceConfiguration.Builder()
                .setConfiguration(config)
                .setNumberTaskManagers(1)
                .setNumberSlotsPerTaskManager(TestFlink.SLOTS)
                .build());
    }

    /**
     * An environment whose jobs run on {@code cluster} with the workbook's job settings ({@link FlinkJobs#configuration}):
     * for a class's {@code @BeforeAll}, which runs before the extension offers {@link TestFlink#environment()}.
     */
    static StreamExecutionEnvironment environment(MiniCluster cluster, int parallelism) {
        StreamExecutionEnvironment env = new TestStreamEnvironment(cluster, FlinkJobs.configuration(parallelism), parallelism,
                List.of(), List.of());
        env.setParallelism(parallelism);
        return env;
    }

    /** A Flink job or metric name as the reporter writes it into a label: every character but [a-zA-Z0-9:_] becomes _. */
    static String labelValue(String name) {
        return name.replaceAll("[^a-zA-Z0-9:_]", "_");
    }

    /**
     * The /metrics endpoint of the cluster's reporter, once it exposes a metric {@code metric} of job {@code jobName}.
     * If the job fails meanwhile (a pending exercise, a bug), its failure is thrown instead: a test says why, at once.
     */
    static URI awaitMetric(String portRange, JobClient job, String jobName, String metric, Duration timeout) throws Exception {
        String[] bounds = portRange.split("-");
        int first = Integer.parseInt(bounds[0]);
        int last = Integer.parseInt(bounds[1]);
        String label = labelValue(jobName);
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            rethrowIfFailed(job);
            for (int port = first; port <= last; port++) {
                URI uri = URI.create("http://localhost:" + port + "/metrics");
                try {
                    if (!Exposition.scrape(uri).named(metric, s -> s.label("job_name").equals(label)).isEmpty()) {
                        return uri;
                    }
                } catch (IOException nothingThere) {
                    // not this port
                }
            }
            Thread.sleep(200);
        }
        rethrowIfFailed(job);
        throw new AssertionError("no metric " + metric + " of job " + jobName + " on ports " + portRange + " within "
                + timeout.toSeconds() + " s");
    }

    /** A failed job's cause, as the test's own failure (so that a NotImplementedYet in it makes the test pending). */
    static void rethrowIfFailed(JobClient job) throws Exception {
        JobStatus status = job.getJobStatus().get(10, TimeUnit.SECONDS);
        if (status == JobStatus.FAILED || status == JobStatus.FAILING) {
            try {
                job.getJobExecutionResult().get(30, TimeUnit.SECONDS);
            } catch (ExecutionException e) {
                throw e.getCause() instanceof Exception cause ? cause : e;
            }
            throw new AssertionError("the job " + status);
        }
    }
}
